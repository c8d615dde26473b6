package dev.slipway.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class KeepAliveIT {

    private final TestBackend backend = TestBackend.start("backend", KeepAliveIT::answerWithPath);
    private final Router router = Router.start(RouterOptions.onPort(0));

    KeepAliveIT() {
        router.publish(RouteTable.of(List.of(Route.of("app.localhost", backend.address()))));
    }

    @AfterEach
    void stop() {
        router.close();
        backend.close();
    }

    @Test
    void reusesOneUpstreamConnectionForSequentialRequestsOnOneClientConnection() throws Exception {
        try (RawHttpConnection connection = new RawHttpConnection(router.port())) {
            for (int i = 0; i < 20; i++) {
                RawHttpConnection.Response response = connection.get("app.localhost", "/" + i, "");
                assertThat(response.status()).isEqualTo(200);
                assertThat(response.bodyText()).isEqualTo("/" + i);
            }
        }

        assertThat(backend.requests()).isEqualTo(20);
        assertThat(backend.connections()).isEqualTo(1);
    }

    @Test
    void answersPipelinedRequestsInOrder() throws Exception {
        try (RawHttpConnection connection = new RawHttpConnection(router.port())) {
            connection.send("GET /first HTTP/1.1\r\nHost: app.localhost\r\n\r\n"
                    + "GET /missing HTTP/1.1\r\nHost: nobody.localhost\r\n\r\n"
                    + "GET /third HTTP/1.1\r\nHost: app.localhost\r\n\r\n");

            assertThat(connection.read(false).bodyText()).isEqualTo("/first");
            assertThat(connection.read(false).status()).isEqualTo(404);
            assertThat(connection.read(false).bodyText()).isEqualTo("/third");
        }
    }

    @Test
    void closesTheClientConnectionWhenTheClientAsks() throws Exception {
        try (RawHttpConnection connection = new RawHttpConnection(router.port())) {
            RawHttpConnection.Response response = connection.get("app.localhost", "/bye", "Connection: close\r\n");

            assertThat(response.bodyText()).isEqualTo("/bye");
            assertThat(response.header("Connection")).isEqualTo("close");
            assertThat(connection.closedByPeer()).isTrue();
        }
    }

    @Test
    void closesAConnectionLeftIdleForTheClientIdleTimeoutButNotOneThatKeepsSendingRequests() throws Exception {
        Duration idleTimeout = Duration.ofMillis(400);
        try (Router idling = Router.start(RouterOptions.onPort(0).withClientIdleTimeout(idleTimeout))) {
            idling.publish(RouteTable.of(List.of(Route.of("app.localhost", backend.address()))));
            try (RawHttpConnection idle = new RawHttpConnection(idling.port())) {
                assertThat(idle.get("app.localhost", "/once", "").status()).isEqualTo(200);
                long answered = System.nanoTime();

                assertThat(idle.closedByPeer()).isTrue();
                assertThat(Duration.ofNanos(System.nanoTime() - answered))
                        .isGreaterThanOrEqualTo(idleTimeout.minusMillis(50)).isLessThan(Duration.ofSeconds(3));
            }
            try (RawHttpConnection busy = new RawHttpConnection(idling.port())) {
                // A request every 150 ms on one connection, for twice the idle timeout: each must be answered.
                await().pollInterval(Duration.ofMillis(150)).during(idleTimeout.multipliedBy(2))
                        .atMost(idleTimeout.multipliedBy(5))
                        .until(() -> "/busy".equals(busy.get("app.localhost", "/busy", "").bodyText()));
            }
        }
    }

    @Test
    void answersHttp10ClientsWithoutChunkedEncoding() throws Exception {
        try (TestBackend chunked = TestBackend.start("chunked", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write("streamed".getBytes(StandardCharsets.UTF_8));
            }
        })) {
            router.publish(RouteTable.of(List.of(Route.of("chunked.localhost", chunked.address()))));
            try (RawHttpConnection connection = new RawHttpConnection(router.port())) {
                connection.send("GET / HTTP/1.0\r\nHost: chunked.localhost\r\n\r\n");
                RawHttpConnection.Response response = connection.read(false);

                assertThat(response.header("Transfer-Encoding")).isNull();
                assertThat(response.bodyText()).isEqualTo("streamed");
            }
        }
    }

    @Test
    void relaysHeadResponsesWithoutBody() throws Exception {
        try (RawHttpConnection connection = new RawHttpConnection(router.port())) {
            connection.send("HEAD /head HTTP/1.1\r\nHost: app.localhost\r\n\r\n");
            RawHttpConnection.Response head = connection.read(true);
            assertThat(head.status()).isEqualTo(200);

            assertThat(connection.get("app.localhost", "/after", "").bodyText()).isEqualTo("/after");
        }
    }

    private static void answerWithPath(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestURI().getPath().getBytes(StandardCharsets.UTF_8);
        if (exchange.getRequestMethod().equals("HEAD")) {
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
            return;
        }
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
