package dev.slipway.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Clients that misbehave get a clear answer or a closed connection, and nobody else notices. */
class HostileClientIT {

    private final CountDownLatch upstreamBroke = new CountDownLatch(1);
    private final TestBackend backend = TestBackend.start("backend");
    private final TestBackend endless = TestBackend.start("endless", exchange -> {
        exchange.sendResponseHeaders(200, 0);
        byte[] chunk = new byte[8 * 1024];
        try (OutputStream out = exchange.getResponseBody()) {
            for (int i = 0; i < 100_000; i++) {
                out.write(chunk);
                out.flush();
                // The instance's own pace: a stream that goes on for minutes unless its client leaves.
                Thread.sleep(1);
            }
        } catch (IOException e) {
            upstreamBroke.countDown();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    });
    private final Router router = Router.start(RouterOptions.onPort(0)
            .withHeaderReadTimeout(Duration.ofMillis(300))
            .withMaxConnections(4));

    HostileClientIT() {
        router.publish(RouteTable.of(List.of(
                Route.of("app.localhost", backend.address()),
                Route.of("endless.localhost", endless.address()))));
    }

    @AfterEach
    void stop() {
        router.close();
        backend.close();
        endless.close();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "GARBAGE\r\n\r\n",
            "GET / HTTP/1.1\r\nHost: app.localhost\r\nNo colon here\r\n\r\n",
            "GET / HTTP/1.1\r\nHost: app.localhost\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\nabcd",
            "POST / HTTP/1.1\r\nHost: app.localhost\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nxx\r\n0\r\n\r\n",
            "GET / HTTP/1.1\r\nHost: app.localhost\r\nContent-Length: -1\r\n\r\n"})
    void answersAMalformedRequestWith400AndCloses(String request) throws Exception {
        try (RawHttpConnection connection = new RawHttpConnection(router.port())) {
            connection.send(request);

            RawHttpConnection.Response response = connection.read(false);

            assertThat(response.status()).isEqualTo(400);
            assertThat(response.header("Connection")).isEqualTo("close");
            assertThat(connection.closedByPeer()).isTrue();
        }
        assertThat(TestClient.get(router.port(), "app.localhost").body()).isEqualTo("backend");
        await().untilAsserted(() -> assertThat(router.openConnections()).isLessThanOrEqualTo(1));
    }

    @Test
    void answers408ToAClientTooSlowToSendItsHeadWhileServingOthers() throws Exception {
        try (RawHttpConnection slow = new RawHttpConnection(router.port())) {
            slow.send("GET / HTTP/1.1\r\nHost: app.loc");
            for (int i = 0; i < 3; i++) {
                // A slow sender is the subject: bytes that trickle in must not restart the head timeout.
                Thread.sleep(50);
                slow.send("a");
                assertThat(TestClient.get(router.port(), "app.localhost").body()).isEqualTo("backend");
            }

            RawHttpConnection.Response response = slow.read(false);

            assertThat(response.status()).isEqualTo(408);
            assertThat(response.bodyText()).contains("The request head did not arrive within 300 ms.");
            assertThat(slow.closedByPeer()).isTrue();
        }
        assertThat(backend.requests()).isEqualTo(3);
    }

    @Test
    void closesAConnectionThatNeverSendsARequest() throws Exception {
        try (Socket idle = new Socket(InetAddress.getLoopbackAddress(), router.port())) {
            idle.setSoTimeout(5_000);
            long started = System.nanoTime();

            assertThat(idle.getInputStream().read()).isEqualTo(-1);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
        }
    }

    @Test
    void closesConnectionsBeyondTheMaximumAtOnceAndAcceptsAgainWhenOneCloses() throws Exception {
        List<RawHttpConnection> open = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                RawHttpConnection connection = new RawHttpConnection(router.port());
                open.add(connection);
                assertThat(connection.get("app.localhost", "/", "").status()).isEqualTo(200);
            }
            assertThat(router.openConnections()).isEqualTo(4);

            try (Socket refused = new Socket(InetAddress.getLoopbackAddress(), router.port())) {
                refused.setSoTimeout(5_000);
                assertThat(readOrReset(refused.getInputStream())).isEqualTo(-1);
            }
            assertThat(open.get(0).get("app.localhost", "/", "").status()).isEqualTo(200);

            open.remove(0).close();
            await().untilAsserted(() -> assertThat(router.openConnections()).isEqualTo(3));
            try (RawHttpConnection again = new RawHttpConnection(router.port())) {
                assertThat(again.get("app.localhost", "/", "").status()).isEqualTo(200);
            }
        } finally {
            for (RawHttpConnection connection : open) {
                connection.close();
            }
        }
    }

    @Test
    void closesTheUpstreamConnectionWhenTheClientLeavesMidResponse() throws Exception {
        try (Socket client = new Socket(InetAddress.getLoopbackAddress(), router.port())) {
            client.getOutputStream().write("GET / HTTP/1.1\r\nHost: endless.localhost\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            InputStream in = client.getInputStream();
            assertThat(in.readNBytes(32 * 1024)).hasSize(32 * 1024);
            assertThat(router.inFlight(endless.address())).isEqualTo(1);
        }

        assertThat(upstreamBroke.await(10, TimeUnit.SECONDS)).as("the instance saw its connection closed").isTrue();
        await().untilAsserted(() -> assertThat(router.inFlight(endless.address())).isZero());
        await().untilAsserted(() -> assertThat(router.openConnections()).isZero());
        assertThat(TestClient.get(router.port(), "app.localhost").body()).isEqualTo("backend");
    }

    /** -1 for an orderly close; a reset counts as closed too. */
    private static int readOrReset(InputStream in) {
        try {
            return in.read();
        } catch (IOException e) {
            return -1;
        }
    }
}
