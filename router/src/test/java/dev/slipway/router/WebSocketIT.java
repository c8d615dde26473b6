package dev.slipway.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpExchange;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WebSocketIT {

    private final WebSocketEchoBackend echo = new WebSocketEchoBackend();
    private final Router router = Router.start(RouterOptions.onPort(0).withEventLoops(1)
            .withRequestTimeout(Duration.ofMillis(500)));

    WebSocketIT() {
        router.publish(RouteTable.of(List.of(Route.of("127.0.0.1", echo.address()))));
    }

    @AfterEach
    void stop() {
        router.close();
        echo.close();
    }

    @Test
    void relaysMessagesBothWaysLongAfterTheRequestTimeout() throws Exception {
        try (WebSocketClient socket = WebSocketClient.connect(router.port(), WebSocketEchoBackend.PATH)) {
            assertThat(socket.echo("hello")).isEqualTo("hello");
            assertThat(router.inFlight(echo.address())).isEqualTo(1);

            // An idle tunnel stays open and counted in flight past the 500 ms request timeout.
            await().during(Duration.ofMillis(700)).atMost(Duration.ofSeconds(2))
                    .until(() -> router.inFlight(echo.address()) == 1);

            assertThat(socket.echo("still here")).isEqualTo("still here");
        }
        await().untilAsserted(() -> assertThat(router.inFlight(echo.address())).isZero());
        await().untilAsserted(() -> assertThat(echo.openConnections()).isZero());
    }

    @Test
    void relaysAMegabyteMessageWithBackpressure() throws Exception {
        byte[] payload = new byte[1024 * 1024];
        new Random(7).nextBytes(payload);
        try (WebSocketClient socket = WebSocketClient.connect(router.port(), WebSocketEchoBackend.PATH)) {
            ByteBuffer echoed = socket.echo(ByteBuffer.wrap(payload));

            byte[] received = new byte[echoed.remaining()];
            echoed.get(received);
            assertThat(received).isEqualTo(payload);
        }
    }

    @Test
    void usesAFreshUpstreamConnectionForEveryWebSocket() throws Exception {
        try (WebSocketClient first = WebSocketClient.connect(router.port(), WebSocketEchoBackend.PATH);
             WebSocketClient second = WebSocketClient.connect(router.port(), WebSocketEchoBackend.PATH)) {
            assertThat(first.echo("a")).isEqualTo("a");
            assertThat(second.echo("b")).isEqualTo("b");
            assertThat(echo.acceptedConnections()).isEqualTo(2);
            assertThat(router.inFlight(echo.address())).isEqualTo(2);
        }
        await().untilAsserted(() -> assertThat(router.inFlight(echo.address())).isZero());
    }

    @Test
    void closesTheClientWhenTheInstanceGoesAway() throws Exception {
        WebSocketClient socket = WebSocketClient.connect(router.port(), WebSocketEchoBackend.PATH);
        assertThat(socket.echo("before")).isEqualTo("before");

        echo.close();

        assertThat(socket.closed().get(10, TimeUnit.SECONDS)).isNotNull();
        await().untilAsserted(() -> assertThat(router.inFlight(echo.address())).isZero());
        assertThat(router.openConnections()).isZero();
    }

    @Test
    void closesAWebSocketSilentForTheStreamIdleTimeout() throws Exception {
        try (Router impatient = Router.start(RouterOptions.onPort(0).withStreamIdleTimeout(Duration.ofMillis(300)))) {
            impatient.publish(RouteTable.of(List.of(Route.of("127.0.0.1", echo.address()))));
            WebSocketClient socket = WebSocketClient.connect(impatient.port(), WebSocketEchoBackend.PATH);
            assertThat(socket.echo("ping")).isEqualTo("ping");

            assertThat(socket.closed().get(5, TimeUnit.SECONDS)).isNotNull();
            await().untilAsserted(() -> assertThat(impatient.inFlight(echo.address())).isZero());
            await().untilAsserted(() -> assertThat(echo.openConnections()).isZero());
        }
    }

    @Test
    void relaysBytesTheInstanceSendsTogetherWithIts101() throws Exception {
        try (ServerSocket instance = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<String> echoed = CompletableFuture.supplyAsync(() -> rawUpgradeEcho(instance));
            router.publish(RouteTable.of(List.of(Route.of("raw.localhost", "127.0.0.1:" + instance.getLocalPort()))));
            try (RawHttpConnection connection = new RawHttpConnection(router.port())) {
                connection.send("GET /ws HTTP/1.1\r\nHost: raw.localhost\r\nConnection: Upgrade\r\n"
                        + "Upgrade: websocket\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n");

                RawHttpConnection.Response switched = connection.read(true);

                assertThat(switched.status()).isEqualTo(101);
                assertThat(switched.header("Upgrade")).isEqualTo("websocket");
                assertThat(new String(connection.readBytes(7), StandardCharsets.US_ASCII)).isEqualTo("welcome");
                connection.send("ping");
                assertThat(echoed.get(10, TimeUnit.SECONDS)).isEqualTo("ping");
                assertThat(new String(connection.readBytes(4), StandardCharsets.US_ASCII)).isEqualTo("ping");
            }
        }
    }

    @Test
    void answers502WhenAnInstanceSwitchesProtocolsWithoutBeingAsked() throws Exception {
        try (ServerSocket instance = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture.runAsync(() -> switchUnasked(instance));
            router.publish(RouteTable.of(List.of(Route.of("rogue.localhost", "127.0.0.1:" + instance.getLocalPort()))));
            try (RawHttpConnection connection = new RawHttpConnection(router.port())) {
                RawHttpConnection.Response response = connection.get("rogue.localhost", "/plain", "");

                assertThat(response.status()).isEqualTo(502);
                assertThat(response.bodyText()).contains("switched protocols without being asked to");
            }
            await().untilAsserted(() -> assertThat(router.inFlight("127.0.0.1:" + instance.getLocalPort())).isZero());
        }
    }

    /** Answers an ordinary request with a 101 to WebSocket. */
    private static void switchUnasked(ServerSocket instance) {
        try (Socket connection = instance.accept()) {
            InputStream in = connection.getInputStream();
            readHead(in);
            connection.getOutputStream().write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n"
                    + "Connection: Upgrade\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            in.read();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a request head up to its blank line. */
    private static void readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("the connection closed inside a request head");
            }
            head.append((char) b);
        }
    }

    /** Answers the handshake and a first message in one write, then echoes four bytes. */
    private static String rawUpgradeEcho(ServerSocket instance) {
        try (Socket connection = instance.accept()) {
            InputStream in = connection.getInputStream();
            readHead(in);
            connection.getOutputStream().write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n"
                    + "Connection: Upgrade\r\nSec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n\r\nwelcome")
                    .getBytes(StandardCharsets.US_ASCII));
            byte[] ping = in.readNBytes(4);
            connection.getOutputStream().write(ping);
            return new String(ping, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void relaysARefusedUpgradeAsAnOrdinaryResponseAndNeverPoolsItsConnection() throws Exception {
        try (TestBackend plain = TestBackend.start("plain", WebSocketIT::refuseUpgrade)) {
            router.publish(RouteTable.of(List.of(Route.of("plain.localhost", plain.address()))));
            try (RawHttpConnection connection = new RawHttpConnection(router.port())) {
                RawHttpConnection.Response refused = connection.get("plain.localhost", "/ws",
                        "Connection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\n"
                                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n");

                assertThat(refused.status()).isEqualTo(426);
                assertThat(plain.lastRequestHeaders().getFirst("Upgrade")).isEqualTo("websocket");
                assertThat(connection.get("plain.localhost", "/after", "").status()).isEqualTo(426);
                assertThat(plain.lastRequestHeaders().containsKey("Upgrade")).isFalse();
            }
            assertThat(plain.connections()).isEqualTo(2);
        }
    }

    private static void refuseUpgrade(HttpExchange exchange) throws java.io.IOException {
        byte[] body = "use a websocket client".getBytes();
        exchange.sendResponseHeaders(426, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
