package dev.slipway.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DrainingIT {

    private static final int SLOW_BODY_BYTES = 512 * 1024;

    private final CountDownLatch slowRequestArrived = new CountDownLatch(1);
    private final CountDownLatch releaseSlowResponse = new CountDownLatch(1);
    private final byte[] slowBody = slowBody();
    private final TestBackend old = TestBackend.start("old", exchange -> {
        slowRequestArrived.countDown();
        try {
            releaseSlowResponse.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        exchange.sendResponseHeaders(200, slowBody.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(slowBody);
        }
    });
    private final TestBackend replacement = TestBackend.start("new");
    private final Router router = Router.start(RouterOptions.onPort(0));

    @AfterEach
    void stop() {
        releaseSlowResponse.countDown();
        router.close();
        old.close();
        replacement.close();
    }

    @Test
    void reportsTheOldTargetDrainedOnlyAfterItsSlowResponseWasDelivered() throws Exception {
        router.publish(RouteTable.of(List.of(Route.of("app.localhost", old.address()))));
        CompletableFuture<HttpResponse<byte[]>> slow = TestClient.HTTP.sendAsync(
                TestClient.request(router.port(), "app.localhost", "/slow").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(slowRequestArrived.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(router.inFlight(old.address())).isEqualTo(1);

        router.publish(RouteTable.of(List.of(Route.of("app.localhost", replacement.address()))));

        assertThat(router.inFlight(old.address())).isEqualTo(1);
        CompletableFuture<Boolean> drained = CompletableFuture.supplyAsync(() -> awaitDrained(old.address()));
        HttpResponse<String> during = TestClient.get(router.port(), "app.localhost");
        assertThat(during.body()).isEqualTo("new");
        assertThat(old.requests()).isEqualTo(1);
        assertThat(drained).isNotDone();
        assertThat(router.inFlight(old.address())).isEqualTo(1);

        releaseSlowResponse.countDown();

        assertThat(drained.get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(router.inFlight(old.address())).isZero();
        HttpResponse<byte[]> delivered = slow.get(10, TimeUnit.SECONDS);
        assertThat(delivered.statusCode()).isEqualTo(200);
        assertThat(delivered.body()).isEqualTo(slowBody);
    }

    @Test
    void awaitDrainedGivesUpWhileARequestIsStillInFlight() throws Exception {
        router.publish(RouteTable.of(List.of(Route.of("app.localhost", old.address()))));
        CompletableFuture<HttpResponse<byte[]>> slow = TestClient.HTTP.sendAsync(
                TestClient.request(router.port(), "app.localhost", "/slow").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(slowRequestArrived.await(10, TimeUnit.SECONDS)).isTrue();
        router.publish(RouteTable.EMPTY);

        assertThat(router.awaitDrained(old.address(), Duration.ofMillis(200))).isFalse();

        releaseSlowResponse.countDown();
        assertThat(slow.get(10, TimeUnit.SECONDS).body()).isEqualTo(slowBody);
        await().untilAsserted(() -> assertThat(router.awaitDrained(old.address(), Duration.ZERO)).isTrue());
    }

    @Test
    void countsAnOpenWebSocketAsInFlightUntilItCloses() throws Exception {
        try (WebSocketEchoBackend oldSockets = new WebSocketEchoBackend();
             WebSocketEchoBackend newSockets = new WebSocketEchoBackend()) {
            router.publish(RouteTable.of(List.of(Route.of("127.0.0.1", oldSockets.address()))));
            WebSocketClient socket = WebSocketClient.connect(router.port(), WebSocketEchoBackend.PATH);
            assertThat(socket.echo("on the old instance")).isEqualTo("on the old instance");

            router.publish(RouteTable.of(List.of(Route.of("127.0.0.1", newSockets.address()))));

            assertThat(router.awaitDrained(oldSockets.address(), Duration.ofMillis(300))).isFalse();
            assertThat(router.inFlight(oldSockets.address())).isEqualTo(1);
            assertThat(socket.echo("still the old instance")).isEqualTo("still the old instance");
            try (WebSocketClient fresh = WebSocketClient.connect(router.port(), WebSocketEchoBackend.PATH)) {
                assertThat(fresh.echo("new")).isEqualTo("new");
                assertThat(newSockets.acceptedConnections()).isEqualTo(1);
            }
            CompletableFuture<Boolean> drained = CompletableFuture.supplyAsync(() -> awaitDrained(oldSockets.address()));
            assertThat(drained).isNotDone();

            socket.close();

            assertThat(drained.get(10, TimeUnit.SECONDS)).isTrue();
            assertThat(oldSockets.acceptedConnections()).isEqualTo(1);
        }
    }

    @Test
    void awaitDrainedReturnsAtOnceForAnIdleAddress() throws Exception {
        assertThat(router.awaitDrained("127.0.0.1:1", Duration.ZERO)).isTrue();
    }

    private boolean awaitDrained(String address) {
        try {
            return router.awaitDrained(address, Duration.ofSeconds(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static byte[] slowBody() {
        byte[] body = new byte[SLOW_BODY_BYTES];
        Arrays.fill(body, (byte) 'x');
        for (int i = 0; i < body.length; i += 1000) {
            body[i] = (byte) ('0' + (i / 1000) % 10);
        }
        return body;
    }
}
