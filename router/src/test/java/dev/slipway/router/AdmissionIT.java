package dev.slipway.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Concurrency limits and queues: requests wait for a free slot, and are refused with 429 when they cannot. */
class AdmissionIT {

    private static final String HOST = "hello.localhost";

    private final GatedBackend backend = new GatedBackend("hello");
    private final Router router = Router.start(RouterOptions.onPort(0).withEventLoops(4));

    @AfterEach
    void stop() {
        router.close();
        backend.close();
    }

    @Test
    void neverSendsAnInstanceMoreThanTheLimitAndServesEveryoneFromTheQueue() throws Exception {
        publish(Admission.NONE.withConcurrencyLimit(2).withQueueDepth(100).withQueueTimeout(Duration.ofSeconds(30)));
        List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            responses.add(sendAsync(TestClient.request(router.port(), HOST, "/" + i).build()));
        }

        await().until(() -> queued() == 18 && backend.inFlight() == 2);
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> backend.inFlight() <= 2);
        assertThat(router.inFlight(backend.address())).isEqualTo(2);
        assertThat(router.load().get("hello").inFlight()).isEqualTo(2);
        backend.open();

        for (CompletableFuture<HttpResponse<String>> response : responses) {
            assertThat(response.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        }
        assertThat(backend.maxInFlight()).isEqualTo(2);
        assertThat(backend.requests()).isEqualTo(20);
        await().untilAsserted(() -> assertThat(router.load().get("hello"))
                .isEqualTo(new ServiceLoad(20, 0, 0, java.util.Map.of(backend.address(), 0))));
    }

    @Test
    void answers429WithRetryAfterWhenTheQueueIsFull() throws Exception {
        publish(Admission.NONE.withConcurrencyLimit(1).withQueueDepth(1));
        CompletableFuture<HttpResponse<String>> served = sendAsync(TestClient.request(router.port(), HOST, "/").build());
        await().until(() -> backend.inFlight() == 1);
        CompletableFuture<HttpResponse<String>> waiting = sendAsync(TestClient.request(router.port(), HOST, "/").build());
        await().until(() -> queued() == 1);

        HttpResponse<String> refused = TestClient.get(router.port(), HOST);
        HttpResponse<String> page = TestClient.HTTP.send(TestClient.request(router.port(), HOST, "/")
                .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(detail(refused)).isEqualTo("The service at host 'hello.localhost' is at capacity; the queue is full "
                + "(1 request(s) waiting). Retry shortly.");
        assertThat(page.statusCode()).isEqualTo(429);
        assertThat(page.body()).contains("<title>429 Too Many Requests</title>").contains("at capacity");
        assertThat(backend.requests()).as("refused requests never reach the instance").isEqualTo(1);
        backend.open();
        assertThat(served.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        assertThat(waiting.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        assertThat(backend.maxInFlight()).isEqualTo(1);
    }

    @Test
    void answers429WhenTheQueueTimeoutPasses() throws Exception {
        publish(Admission.NONE.withConcurrencyLimit(1).withQueueDepth(5).withQueueTimeout(Duration.ofMillis(300)));
        CompletableFuture<HttpResponse<String>> served = sendAsync(TestClient.request(router.port(), HOST, "/").build());
        await().until(() -> backend.inFlight() == 1);

        long start = System.nanoTime();
        HttpResponse<String> timedOut = TestClient.get(router.port(), HOST);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertThat(timedOut.statusCode()).isEqualTo(429);
        assertThat(timedOut.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(detail(timedOut)).isEqualTo("The service at host 'hello.localhost' is at capacity; no instance "
                + "took the request within 300 ms (1 request(s) waiting). Retry shortly.");
        assertThat(queued()).isZero();
        backend.open();
        assertThat(served.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        assertThat(backend.requests()).isEqualTo(1);
    }

    @Test
    void aRetryAfterARefusedConnectionTakesOnlyATargetWithAFreeSlot() throws Exception {
        String dead = FailoverIT.closedPortAddress();
        router.publish(RouteTable.of(List.of(new Route(HOST, List.of(Target.of(dead), Target.of(backend.address())))
                .withAdmission(Admission.NONE.withConcurrencyLimit(1)))));
        backend.open();

        assertThat(TestClient.get(router.port(), HOST).statusCode()).isEqualTo(200);
        assertThat(router.inFlight(dead)).isZero();
    }

    private void publish(Admission admission) {
        router.publish(RouteTable.of(List.of(Route.of(HOST, backend.address()).withService("hello")
                .withAdmission(admission))));
    }

    private int queued() {
        return router.load().get("hello").queued();
    }

    static CompletableFuture<HttpResponse<String>> sendAsync(HttpRequest request) {
        return TestClient.HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    static String detail(HttpResponse<String> response) {
        JsonNode problem = JsonMapper.shared().readTree(response.body());
        return problem.get("detail").asString();
    }
}
