package dev.slipway.router;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The maximum request body size: 413 from the Content-Length alone, or once a chunked body passes it. */
class BodyLimitIT {

    private static final long LIMIT = 64 * 1024;

    private final TestBackend counting = TestBackend.start("counting", exchange -> {
        long size;
        try (InputStream in = exchange.getRequestBody()) {
            size = in.transferTo(OutputStream.nullOutputStream());
        }
        byte[] body = Long.toString(size).getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    });
    private final Router router = Router.start(RouterOptions.onPort(0).withMaxRequestBodySize(LIMIT));

    BodyLimitIT() {
        router.publish(RouteTable.of(List.of(
                Route.of("app.localhost", counting.address()),
                Route.of("uploads.localhost", counting.address()).withMaxBodySize(4 * LIMIT),
                Route.of("tiny.localhost", counting.address()).withMaxBodySize(16L))));
    }

    @AfterEach
    void stop() {
        router.close();
        counting.close();
    }

    @Test
    void answers413FromTheContentLengthBeforeTheInstanceSeesTheRequest() throws Exception {
        try (RawHttpConnection connection = new RawHttpConnection(router.port())) {
            connection.send("POST /upload HTTP/1.1\r\nHost: app.localhost\r\nContent-Length: " + (LIMIT + 1) + "\r\n\r\n");

            RawHttpConnection.Response response = connection.read(false);

            assertThat(response.status()).isEqualTo(413);
            assertThat(response.header("Connection")).isEqualTo("close");
            assertThat(response.bodyText()).contains("larger than the " + LIMIT + " bytes");
            connection.send(new byte[(int) LIMIT + 1]);
            assertThat(connection.closedByPeer()).isTrue();
        }
        assertThat(counting.requests()).isZero();
    }

    @Test
    void answers413WhenAChunkedBodyPassesTheLimit() throws Exception {
        try (RawHttpConnection connection = new RawHttpConnection(router.port())) {
            connection.send("POST /upload HTTP/1.1\r\nHost: app.localhost\r\nTransfer-Encoding: chunked\r\n\r\n");
            String chunk = "x".repeat(16 * 1024);
            for (int i = 0; i < 5; i++) {
                connection.send(Integer.toHexString(chunk.length()) + "\r\n" + chunk + "\r\n");
            }

            RawHttpConnection.Response response = connection.read(false);

            assertThat(response.status()).isEqualTo(413);
            connection.send("0\r\n\r\n");
            assertThat(connection.closedByPeer()).isTrue();
        }
    }

    @Test
    void refusesWithout100ContinueWhenTheClientAsksFirst() throws Exception {
        try (RawHttpConnection connection = new RawHttpConnection(router.port())) {
            connection.send("PUT /model HTTP/1.1\r\nHost: app.localhost\r\nContent-Length: 1000000\r\n"
                    + "Expect: 100-continue\r\n\r\n");

            RawHttpConnection.Response response = connection.read(false);

            assertThat(response.status()).isEqualTo(413);
            assertThat(connection.closedByPeer()).isTrue();
        }
    }

    @Test
    void appliesEachRoutesOwnLimit() throws Exception {
        byte[] large = new byte[(int) (2 * LIMIT)];

        assertThat(post("uploads.localhost", large).body()).isEqualTo(Long.toString(large.length));
        assertThat(post("app.localhost", large).statusCode()).isEqualTo(413);
        assertThat(post("tiny.localhost", new byte[17]).statusCode()).isEqualTo(413);
        assertThat(post("tiny.localhost", new byte[16]).body()).isEqualTo("16");
    }

    private HttpResponse<String> post(String host, byte[] body) throws IOException, InterruptedException {
        return TestClient.HTTP.send(TestClient.request(router.port(), host, "/")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
