package dev.slipway.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TimeoutIT {

    private final CountDownLatch release = new CountDownLatch(1);
    private final TestBackend stuck = TestBackend.start("stuck", exchange -> {
        try {
            release.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        exchange.sendResponseHeaders(200, -1);
        exchange.close();
    });
    private final TestBackend slow = TestBackend.start("slow", exchange -> {
        sleep(800);
        byte[] body = "late but fine".getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    });
    private final Router router = Router.start(RouterOptions.onPort(0).withRequestTimeout(Duration.ofMillis(300)));

    @AfterEach
    void stop() {
        release.countDown();
        router.close();
        stuck.close();
        slow.close();
    }

    @Test
    void answers504WhenTheInstanceDoesNotRespondInTime() throws Exception {
        router.publish(RouteTable.of(List.of(Route.of("app.localhost", stuck.address()))));

        HttpResponse<String> response = TestClient.get(router.port(), "app.localhost");

        assertThat(response.statusCode()).isEqualTo(504);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("\"title\":\"Gateway Timeout\"")
                .contains("The instance serving host 'app.localhost' did not respond within 300 ms.");
        await().untilAsserted(() -> assertThat(router.inFlight(stuck.address())).isZero());
    }

    @Test
    void waitsLongerThanTheRouterDefaultForARouteWithALongerTimeout() throws Exception {
        router.publish(RouteTable.of(List.of(
                Route.of("patient.localhost", slow.address()).withRequestTimeout(Duration.ofSeconds(5)),
                Route.of("default.localhost", slow.address()))));

        HttpResponse<String> patient = TestClient.get(router.port(), "patient.localhost");
        HttpResponse<String> byDefault = TestClient.get(router.port(), "default.localhost");

        assertThat(patient.statusCode()).isEqualTo(200);
        assertThat(patient.body()).isEqualTo("late but fine");
        assertThat(byDefault.statusCode()).isEqualTo(504);
    }

    @Test
    void givesUpSoonerThanTheRouterDefaultForARouteWithAShorterTimeout() throws Exception {
        try (Router patientRouter = Router.start(RouterOptions.onPort(0).withRequestTimeout(Duration.ofSeconds(30)))) {
            patientRouter.publish(RouteTable.of(List.of(
                    Route.of("app.localhost", stuck.address()).withRequestTimeout(Duration.ofMillis(200)))));
            long started = System.nanoTime();

            HttpResponse<String> response = TestClient.get(patientRouter.port(), "app.localhost");

            assertThat(response.statusCode()).isEqualTo(504);
            assertThat(response.body()).contains("did not respond within 200 ms");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    void aQuickRequestDoesNotCutShortTheLongerTimeoutOfTheNextOneOnTheSameConnection() throws Exception {
        try (TestBackend quick = TestBackend.start("quick")) {
            router.publish(RouteTable.of(List.of(
                    Route.of("hasty.localhost", quick.address()),
                    Route.of("patient.localhost", slow.address()).withRequestTimeout(Duration.ofSeconds(5)))));
            try (RawHttpConnection connection = new RawHttpConnection(router.port())) {
                // The first request's 300 ms deadline passes while the second, allowed 5 s, waits 800 ms.
                assertThat(connection.get("hasty.localhost", "/", "").status()).isEqualTo(200);

                RawHttpConnection.Response late = connection.get("patient.localhost", "/", "");

                assertThat(late.status()).isEqualTo(200);
                assertThat(late.bodyText()).isEqualTo("late but fine");
            }
        }
    }

    @Test
    void aShorterTimeoutAfterALongerOneOnTheSameConnectionStillFiresInTime() throws Exception {
        try (Router patientRouter = Router.start(RouterOptions.onPort(0).withRequestTimeout(Duration.ofSeconds(30)));
             TestBackend quick = TestBackend.start("quick")) {
            patientRouter.publish(RouteTable.of(List.of(
                    Route.of("patient.localhost", quick.address()),
                    Route.of("hasty.localhost", stuck.address()).withRequestTimeout(Duration.ofMillis(200)))));
            try (RawHttpConnection connection = new RawHttpConnection(patientRouter.port())) {
                assertThat(connection.get("patient.localhost", "/", "").status()).isEqualTo(200);
                long started = System.nanoTime();

                RawHttpConnection.Response response = connection.get("hasty.localhost", "/", "");

                assertThat(response.status()).isEqualTo(504);
                assertThat(response.bodyText()).contains("did not respond within 200 ms");
                assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
            }
        }
    }

    @Test
    void answers408AndClosesWhenTheClientStopsSendingItsBody() throws Exception {
        router.publish(RouteTable.of(List.of(Route.of("app.localhost", stuck.address()))));
        try (RawHttpConnection connection = new RawHttpConnection(router.port())) {
            connection.send("POST / HTTP/1.1\r\nHost: app.localhost\r\nContent-Length: 100\r\n\r\nonly part");

            RawHttpConnection.Response response = connection.read(false);

            assertThat(response.status()).isEqualTo(408);
            assertThat(response.bodyText()).contains("The request body did not arrive within 300 ms.");
            assertThat(response.header("Connection")).isEqualTo("close");
            assertThat(connection.closedByPeer()).isTrue();
        }
        await().untilAsserted(() -> assertThat(router.inFlight(stuck.address())).isZero());
    }

    /** An instance that takes its time: its latency is what the timeouts are tested against. */
    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
