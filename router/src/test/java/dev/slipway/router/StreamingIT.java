package dev.slipway.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StreamingIT {

    private static final int LARGE_BODY_BYTES = 32 * 1024 * 1024;

    private final CountDownLatch finishStream = new CountDownLatch(1);
    private final TestBackend echo = TestBackend.start("echo", exchange -> {
        // Answers while the upload is still arriving, so the body flows through the router both ways at once.
        exchange.sendResponseHeaders(200, 0);
        try (InputStream in = exchange.getRequestBody(); OutputStream out = exchange.getResponseBody()) {
            in.transferTo(out);
        }
    });
    private final TestBackend digest = TestBackend.start("digest", exchange -> {
        byte[] sha256 = sha256(exchange.getRequestBody());
        byte[] body = HexFormat.of().formatHex(sha256).getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    });
    private final TestBackend rejecting = TestBackend.start("rejecting", exchange -> {
        byte[] body = "too large".getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(413, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    });
    private final TestBackend slowStream = TestBackend.start("stream", exchange -> {
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write("first\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            finishStream.await(30, TimeUnit.SECONDS);
            out.write("second\n".getBytes(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    });
    private final Router router = Router.start(RouterOptions.onPort(0));

    StreamingIT() {
        router.publish(RouteTable.of(List.of(
                Route.of("echo.localhost", echo.address()),
                Route.of("digest.localhost", digest.address()),
                Route.of("rejecting.localhost", rejecting.address()),
                Route.of("stream.localhost", slowStream.address()))));
    }

    @AfterEach
    void stop() {
        finishStream.countDown();
        router.close();
        echo.close();
        digest.close();
        rejecting.close();
        slowStream.close();
    }

    @Test
    void echoesA32MegabyteUploadWhileItIsStillArriving() throws Exception {
        byte[] upload = randomBytes(LARGE_BODY_BYTES);
        try (RawHttpConnection connection = new RawHttpConnection(router.port())) {
            connection.send("POST /echo HTTP/1.1\r\nHost: echo.localhost\r\nContent-Length: " + upload.length + "\r\n\r\n");
            CompletableFuture<Void> sending = CompletableFuture.runAsync(() -> {
                try {
                    for (int offset = 0; offset < upload.length; offset += 1024 * 1024) {
                        connection.send(Arrays.copyOfRange(upload, offset, offset + 1024 * 1024));
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });

            RawHttpConnection.Response response = connection.read(false);

            sending.get(30, TimeUnit.SECONDS);
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.header("Transfer-Encoding")).isEqualTo("chunked");
            assertThat(response.body()).hasSize(LARGE_BODY_BYTES);
            assertThat(response.body()).isEqualTo(upload);
        }
        await().untilAsserted(() -> assertThat(router.inFlight(echo.address())).isZero());
    }

    @Test
    void streamsAChunkedUploadOfUnknownLength() throws Exception {
        byte[] upload = randomBytes(LARGE_BODY_BYTES);
        InputStream body = new SequenceInputStream(Collections.enumeration(List.of(
                new ByteArrayInputStream(upload, 0, LARGE_BODY_BYTES / 2),
                new ByteArrayInputStream(upload, LARGE_BODY_BYTES / 2, LARGE_BODY_BYTES / 2))));

        HttpResponse<String> response = TestClient.HTTP.send(
                TestClient.request(router.port(), "digest.localhost", "/")
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> body)).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(HexFormat.of().formatHex(sha256(new ByteArrayInputStream(upload))));
    }

    @Test
    void relaysAnAnswerGivenBeforeTheUploadEndedAndKeepsTheClientConnection() throws Exception {
        byte[] upload = randomBytes(4 * 1024 * 1024);
        try (RawHttpConnection connection = new RawHttpConnection(router.port())) {
            connection.send("PUT /model HTTP/1.1\r\nHost: rejecting.localhost\r\nContent-Length: " + upload.length + "\r\n\r\n");
            connection.send(Arrays.copyOfRange(upload, 0, 1024));

            RawHttpConnection.Response response = connection.read(false);

            assertThat(response.status()).isEqualTo(413);
            assertThat(response.bodyText()).isEqualTo("too large");
            connection.send(Arrays.copyOfRange(upload, 1024, upload.length));
            assertThat(connection.get("digest.localhost", "/", "Content-Length: 0\r\n").status()).isEqualTo(200);
        }
    }

    @Test
    void answersExpectContinueAndThenForwardsTheBody() throws Exception {
        try (RawHttpConnection connection = new RawHttpConnection(router.port())) {
            connection.send("POST / HTTP/1.1\r\nHost: digest.localhost\r\nContent-Length: 5\r\n"
                    + "Expect: 100-continue\r\n\r\n");
            assertThat(connection.read(true).status()).isEqualTo(100);

            connection.send("hello".getBytes(StandardCharsets.US_ASCII));
            RawHttpConnection.Response response = connection.read(false);

            assertThat(response.status()).isEqualTo(200);
            assertThat(response.bodyText()).isEqualTo(HexFormat.of().formatHex(
                    sha256(new ByteArrayInputStream("hello".getBytes(StandardCharsets.US_ASCII)))));
            assertThat(digest.lastRequestHeaders().containsKey("Expect")).isFalse();
        }
    }

    @Test
    void answers417ToAnyOtherExpectationAndSendsNothing() throws Exception {
        try (RawHttpConnection connection = new RawHttpConnection(router.port())) {
            connection.send("POST / HTTP/1.1\r\nHost: digest.localhost\r\nContent-Length: 5\r\n"
                    + "Expect: 200-ok\r\n\r\nhello");

            RawHttpConnection.Response response = connection.read(false);

            assertThat(response.status()).isEqualTo(417);
            assertThat(response.bodyText()).contains("supports only 'Expect: 100-continue'");
            assertThat(connection.closedByPeer()).isTrue();
        }
        assertThat(digest.requests()).isZero();
    }

    @Test
    void deliversTheFirstChunkBeforeTheInstanceFinishes() throws Exception {
        HttpResponse<InputStream> response = TestClient.HTTP.send(
                TestClient.request(router.port(), "stream.localhost", "/").build(),
                HttpResponse.BodyHandlers.ofInputStream());

        try (BufferedReader body = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            assertThat(body.readLine()).isEqualTo("first");
            assertThat(finishStream.getCount()).as("the instance is still holding the response open").isEqualTo(1);
            assertThat(router.inFlight(slowStream.address())).isEqualTo(1);

            finishStream.countDown();

            assertThat(body.readLine()).isEqualTo("second");
            assertThat(body.readLine()).isNull();
        }
        assertThat(response.headers().firstValue("Transfer-Encoding")).hasValue("chunked");
    }

    private static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        new Random(42).nextBytes(bytes);
        return bytes;
    }

    private static byte[] sha256(InputStream in) throws IOException {
        try (in) {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) != -1; ) {
                sha256.update(buffer, 0, n);
            }
            return sha256.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
