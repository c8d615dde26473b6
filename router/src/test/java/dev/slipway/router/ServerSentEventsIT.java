package dev.slipway.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Server-sent events through the router: each event reaches the client while the instance is still
 * producing the next one, and a stream that keeps moving outlives the request timeout.
 */
class ServerSentEventsIT {

    private static final int EVENTS = 5;

    /** Holds the silent instance's stream open until the test ends. */
    private final CountDownLatch silence = new CountDownLatch(1);
    /** The instance sends the next event only once the test hands it a token. */
    private final BlockingQueue<String> go = new LinkedBlockingQueue<>();
    private final TestBackend events = TestBackend.start("events", exchange -> {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            for (int i = 1; i <= EVENTS; i++) {
                String token = go.poll(10, TimeUnit.SECONDS);
                if (token == null) {
                    return;
                }
                out.write(("id: " + i + "\ndata: token " + i + "\n\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    });
    private final TestBackend ticking = TestBackend.start("ticking", exchange -> {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            for (int i = 1; i <= EVENTS; i++) {
                out.write(("data: tick " + i + "\n\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
                // The instance's pace: never silent for the stream idle timeout, longer in all than the request timeout.
                Thread.sleep(150);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    });
    private final TestBackend silent = TestBackend.start("silent", exchange -> {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write("data: hello\n\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            silence.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException | IOException e) {
            // the router gave up on the stream
        }
    });
    private final Router router = Router.start(RouterOptions.onPort(0)
            .withRequestTimeout(Duration.ofMillis(300))
            .withStreamIdleTimeout(Duration.ofMillis(500)));

    ServerSentEventsIT() {
        router.publish(RouteTable.of(List.of(
                Route.of("events.localhost", events.address()),
                Route.of("ticking.localhost", ticking.address()),
                Route.of("silent.localhost", silent.address()))));
    }

    @AfterEach
    void stop() {
        silence.countDown();
        router.close();
        events.close();
        ticking.close();
        silent.close();
    }

    @Test
    void deliversEachEventBeforeTheInstanceProducesTheNext() throws Exception {
        go.add("first");
        HttpResponse<InputStream> response = TestClient.HTTP.send(
                TestClient.request(router.port(), "events.localhost", "/stream").header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/event-stream");

        try (BufferedReader body = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            for (int i = 1; i <= EVENTS; i++) {
                assertThat(readEvent(body)).isEqualTo("id: " + i + "\ndata: token " + i);
                assertThat(go).as("the instance waits for the test before event %d", i + 1).isEmpty();
                go.add("next");
            }
            assertThat(body.readLine()).isNull();
        }
        await().untilAsserted(() -> assertThat(router.inFlight(events.address())).isZero());
    }

    @Test
    void keepsAMovingStreamOpenPastTheRequestTimeout() throws Exception {
        HttpResponse<String> response = TestClient.HTTP.send(
                TestClient.request(router.port(), "ticking.localhost", "/").build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("data: tick 1").contains("data: tick " + EVENTS);
    }

    @Test
    void closesAStreamSilentForTheStreamIdleTimeout() throws Exception {
        HttpResponse<InputStream> response = TestClient.HTTP.send(
                TestClient.request(router.port(), "silent.localhost", "/").build(), HttpResponse.BodyHandlers.ofInputStream());

        try (BufferedReader body = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            assertThat(readEvent(body)).isEqualTo("data: hello");
            assertThatThrownBy(body::readLine).isInstanceOf(IOException.class);
        }
        await().untilAsserted(() -> assertThat(router.inFlight(silent.address())).isZero());
    }

    private static String readEvent(BufferedReader body) throws IOException {
        StringBuilder event = new StringBuilder();
        for (String line = body.readLine(); line != null && !line.isEmpty(); line = body.readLine()) {
            event.append(event.isEmpty() ? "" : "\n").append(line);
        }
        return event.toString();
    }
}
