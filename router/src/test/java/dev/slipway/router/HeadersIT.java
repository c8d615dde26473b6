package dev.slipway.router;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.Headers;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HeadersIT {

    private final TestBackend backend = TestBackend.start("backend", exchange -> {
        Headers headers = exchange.getResponseHeaders();
        headers.set("Connection", "X-Hop-Back");
        headers.set("X-Hop-Back", "secret");
        headers.set("Keep-Alive", "timeout=9");
        headers.set("Proxy-Connection", "keep-alive");
        headers.set("Upgrade", "h2c");
        headers.set("Trailer", "X-Checksum");
        headers.set("X-Kept-Back", "yes");
        byte[] body = "ok".getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    });
    private final Router router = Router.start(RouterOptions.onPort(0));

    HeadersIT() {
        router.publish(RouteTable.of(List.of(Route.of("app.localhost", backend.address()))));
    }

    @AfterEach
    void stop() {
        router.close();
        backend.close();
    }

    @Test
    void setsForwardedHeadersAndAGeneratedRequestId() throws Exception {
        HttpResponse<String> response = TestClient.HTTP.send(
                TestClient.request(router.port(), "App.localhost:8000", "/")
                        .header("X-Forwarded-For", "203.0.113.7").build(),
                HttpResponse.BodyHandlers.ofString());

        Headers seen = backend.lastRequestHeaders();
        assertThat(seen.getFirst("Host")).isEqualTo("App.localhost:8000");
        assertThat(seen.get("X-Forwarded-For")).as("a forged address, replaced").containsExactly("127.0.0.1");
        assertThat(seen.getFirst("X-Forwarded-Proto")).isEqualTo("http");
        assertThat(seen.getFirst("X-Forwarded-Host")).isEqualTo("App.localhost:8000");
        String requestId = seen.getFirst("X-Request-Id");
        assertThat(requestId).matches("[0-9a-f]{32}");
        assertThat(response.headers().firstValue("X-Request-Id")).hasValue(requestId);
    }

    @Test
    void keepsTheClientsRequestId() throws Exception {
        HttpResponse<String> response = TestClient.HTTP.send(
                TestClient.request(router.port(), "app.localhost", "/").header("X-Request-Id", "trace-42").build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(backend.lastRequestHeaders().getFirst("X-Request-Id")).isEqualTo("trace-42");
        assertThat(response.headers().firstValue("X-Request-Id")).hasValue("trace-42");
    }

    @Test
    void removesHopByHopHeadersInBothDirections() throws Exception {
        try (RawHttpConnection connection = new RawHttpConnection(router.port())) {
            RawHttpConnection.Response response = connection.get("app.localhost", "/",
                    "Connection: keep-alive, X-Hop\r\n"
                            + "X-Hop: secret\r\n"
                            + "Keep-Alive: timeout=5\r\n"
                            + "Proxy-Connection: keep-alive\r\n"
                            + "TE: trailers\r\n"
                            + "Upgrade: websocket\r\n"
                            + "X-Kept: yes\r\n");

            Headers seen = backend.lastRequestHeaders();
            assertThat(seen.getFirst("X-Kept")).isEqualTo("yes");
            for (String hopByHop : List.of("Connection", "X-Hop", "Keep-Alive", "Proxy-Connection", "TE", "Upgrade")) {
                assertThat(seen.containsKey(hopByHop)).as("request header %s", hopByHop).isFalse();
            }
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.header("X-Kept-Back")).isEqualTo("yes");
            for (String hopByHop : List.of("Connection", "X-Hop-Back", "Keep-Alive", "Proxy-Connection", "Upgrade", "Trailer")) {
                assertThat(response.header(hopByHop)).as("response header %s", hopByHop).isNull();
            }
        }
    }
}
