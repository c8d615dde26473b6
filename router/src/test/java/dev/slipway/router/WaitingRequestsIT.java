package dev.slipway.router;

import static dev.slipway.router.AdmissionIT.detail;
import static dev.slipway.router.AdmissionIT.sendAsync;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What happens to requests while they wait in a route's queue: a body that grows too large, the route leaving the
 * table, a target coming back to health, and the queue's gauge as Prometheus scrapes it.
 */
class WaitingRequestsIT {

    private static final String HOST = "hello.localhost";
    private static final Admission ONE_AT_A_TIME = Admission.NONE.withConcurrencyLimit(1).withQueueDepth(10)
            .withQueueTimeout(Duration.ofSeconds(30));

    private final GatedBackend backend = new GatedBackend("hello");
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Router router = Router.start(RouterOptions.onPort(0).withEventLoops(2)
            .withHealthProbeInterval(Duration.ofMillis(200)).withMeterRegistry(registry));
    private TestBackend revived;

    @AfterEach
    void stop() {
        router.close();
        backend.close();
        if (revived != null) {
            revived.close();
        }
    }

    @Test
    void aChunkedBodyThatPassesTheLimitWhileWaitingIsAnswered413AndTheQueueGoesOn() throws Exception {
        router.publish(RouteTable.of(List.of(Route.of(HOST, backend.address()).withService("hello")
                .withMaxBodySize(64L).withAdmission(ONE_AT_A_TIME))));
        CompletableFuture<HttpResponse<String>> first = sendAsync(TestClient.request(router.port(), HOST, "/").build());
        await().until(() -> backend.inFlight() == 1);
        CompletableFuture<HttpResponse<String>> ahead = sendAsync(TestClient.request(router.port(), HOST, "/").build());
        await().until(() -> queued() == 1);

        try (RawHttpConnection client = new RawHttpConnection(router.port())) {
            // Head and body in one write: the router reads them together, the head puts the request in the queue
            // and the body, 80 bytes against a limit of 64, passes the limit while it waits there.
            String chunk = "x".repeat(40);
            client.send("POST /upload HTTP/1.1\r\nHost: " + HOST + "\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + "28\r\n" + chunk + "\r\n28\r\n" + chunk + "\r\n0\r\n\r\n");

            RawHttpConnection.Response refused = client.read(false);

            assertThat(refused.status()).isEqualTo(413);
            assertThat(refused.bodyText()).contains("larger than the 64 bytes");
            assertThat(client.closedByPeer()).isTrue();
        }
        assertThat(backend.requests()).as("only the first request reached the instance").isEqualTo(1);
        assertThat(first).isNotDone();
        await().until(() -> queued() == 1);
        CompletableFuture<HttpResponse<String>> behind = sendAsync(TestClient.request(router.port(), HOST, "/")
                .POST(HttpRequest.BodyPublishers.ofString("next")).build());
        await().until(() -> queued() == 2);

        backend.open();

        assertThat(first.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        assertThat(ahead.get(10, TimeUnit.SECONDS).body()).isEqualTo("hello");
        assertThat(behind.get(10, TimeUnit.SECONDS).body()).isEqualTo("next");
        assertThat(backend.requests()).isEqualTo(3);
        assertThat(backend.maxInFlight()).isEqualTo(1);
        assertThat(router.inFlight(backend.address())).isZero();
    }

    @Test
    void requestsWaitingForARouteThatLeavesTheTableGetTheAnswerOfAnUnroutedHostAtOnce() throws Exception {
        router.publish(RouteTable.of(List.of(
                Route.of(HOST, backend.address()).withService("hello").withAdmission(ONE_AT_A_TIME),
                new Route("cold.localhost", List.of()).withService("cold")
                        .withAdmission(ONE_AT_A_TIME.withHoldWhileEmpty(true)),
                Route.of("other.localhost", backend.address()).withService("other"))));
        CompletableFuture<HttpResponse<String>> sent = sendAsync(TestClient.request(router.port(), HOST, "/").build());
        await().until(() -> backend.inFlight() == 1);
        CompletableFuture<HttpResponse<String>> waiting = sendAsync(TestClient.request(router.port(), HOST, "/w")
                .build());
        CompletableFuture<HttpResponse<String>> held = sendAsync(TestClient.request(router.port(), "cold.localhost",
                "/").build());
        await().until(() -> queued() == 1 && router.load().get("cold").queued() == 1);

        long start = System.nanoTime();
        router.publish(RouteTable.of(List.of(Route.of("other.localhost", backend.address()).withService("other"))));

        HttpResponse<String> unrouted = waiting.get(5, TimeUnit.SECONDS);
        HttpResponse<String> unheld = held.get(5, TimeUnit.SECONDS);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(unrouted.statusCode()).isEqualTo(404);
        assertThat(detail(unrouted)).isEqualTo("No service is routed at host 'hello.localhost'.");
        assertThat(unheld.statusCode()).isEqualTo(404);
        assertThat(detail(unheld)).isEqualTo("No service is routed at host 'cold.localhost'.");
        assertThat(TestClient.get(router.port(), HOST).statusCode()).as("what a new request gets").isEqualTo(404);
        assertThat(sent).as("the request in flight goes on").isNotDone();
        backend.open();
        assertThat(sent.get(10, TimeUnit.SECONDS).body()).isEqualTo("hello");
        assertThat(backend.requests()).isEqualTo(1);
    }

    @Test
    void theQueueMovesOnWhenAnUnhealthyTargetIsFoundHealthyAgain() throws Exception {
        String dead = FailoverIT.closedPortAddress();
        router.publish(RouteTable.of(List.of(Route.of(HOST, dead).withService("hello"))));
        assertThat(TestClient.get(router.port(), HOST).statusCode()).as("refused: unhealthy").isEqualTo(502);
        router.publish(RouteTable.of(List.of(new Route(HOST, List.of(Target.of(dead), Target.of(backend.address())))
                .withService("hello").withAdmission(ONE_AT_A_TIME))));
        CompletableFuture<HttpResponse<String>> busy = sendAsync(TestClient.request(router.port(), HOST, "/").build());
        await().until(() -> backend.inFlight() == 1);
        CompletableFuture<HttpResponse<String>> second = sendAsync(TestClient.request(router.port(), HOST, "/").build());
        CompletableFuture<HttpResponse<String>> third = sendAsync(TestClient.request(router.port(), HOST, "/").build());
        await().until(() -> queued() == 2);
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> queued() == 2);

        revived = TestBackend.startOnPort("revived", Integer.parseInt(dead.substring(dead.indexOf(':') + 1)));

        assertThat(second.get(10, TimeUnit.SECONDS).body()).isEqualTo("revived");
        assertThat(third.get(10, TimeUnit.SECONDS).body()).isEqualTo("revived");
        assertThat(busy).as("the busy instance still holds its request").isNotDone();
        assertThat(revived.requests()).isEqualTo(2);
        assertThat(backend.requests()).isEqualTo(1);
        backend.open();
        assertThat(busy.get(10, TimeUnit.SECONDS).body()).isEqualTo("hello");
    }

    @Test
    void prometheusScrapesTheQueuedRequestsOfEachService() throws Exception {
        router.publish(RouteTable.of(List.of(
                Route.of(HOST, backend.address()).withService("hello").withAdmission(ONE_AT_A_TIME),
                Route.of("idle.localhost", backend.address()).withService("idle"))));
        CompletableFuture<HttpResponse<String>> sent = sendAsync(TestClient.request(router.port(), HOST, "/").build());
        await().until(() -> backend.inFlight() == 1);
        List<CompletableFuture<HttpResponse<String>>> waiting = List.of(
                sendAsync(TestClient.request(router.port(), HOST, "/").build()),
                sendAsync(TestClient.request(router.port(), HOST, "/").build()));

        await().until(() -> queuedGauge("hello", 2));
        String text = registry.scrape();
        assertThat(text).contains("# TYPE slipway_router_queued_requests gauge")
                .contains("# HELP slipway_router_queued_requests Requests waiting in the service's route queues");
        assertThat(queuedGauge("idle", 0)).isTrue();

        backend.open();

        assertThat(sent.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        for (CompletableFuture<HttpResponse<String>> response : waiting) {
            assertThat(response.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        }
        assertThat(queuedGauge("hello", 0)).isTrue();
    }

    private boolean queuedGauge(String service, int value) {
        return Pattern.compile("(?m)^slipway_router_queued_requests\\{service=\"" + service + "\"} " + value + "(\\.0)?$")
                .matcher(registry.scrape()).find();
    }

    private int queued() {
        return router.load().get("hello").queued();
    }
}
