package dev.slipway.router;

import static dev.slipway.router.AdmissionIT.detail;
import static dev.slipway.router.AdmissionIT.sendAsync;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Scale from zero: a route without instances holds its requests until a table gives it one. */
class HoldWhileEmptyIT {

    private static final String HOST = "hello.localhost";
    private static final Admission HOLD = Admission.NONE.withHoldWhileEmpty(true).withQueueDepth(10)
            .withQueueTimeout(Duration.ofSeconds(30));

    private final GatedBackend backend = new GatedBackend("hello");
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final Router router = Router.start(RouterOptions.onPort(0).withEventLoops(2).withMeterRegistry(registry));

    @AfterEach
    void stop() {
        router.close();
        backend.close();
    }

    @Test
    void holdsARequestUntilATargetIsPublishedAndSendsItsWholeBody() throws Exception {
        publish(HOST, List.of(), HOLD);
        backend.open();
        byte[] body = new byte[512 * 1024];
        new Random(3).nextBytes(body);
        CompletableFuture<HttpResponse<byte[]>> response = TestClient.HTTP.sendAsync(
                TestClient.request(router.port(), HOST, "/upload").POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build(), HttpResponse.BodyHandlers.ofByteArray());

        await().until(() -> router.load().get("hello").queued() == 1);
        assertThat(registry.get(RouterMetrics.QUEUED).tag(RouterMetrics.SERVICE_TAG, "hello").gauge().value())
                .isEqualTo(1);
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> !response.isDone());
        assertThat(backend.requests()).isZero();

        publish(HOST, List.of(Target.of(backend.address())), HOLD);

        HttpResponse<byte[]> answered = response.get(10, TimeUnit.SECONDS);
        assertThat(answered.statusCode()).isEqualTo(200);
        assertThat(answered.body()).isEqualTo(body);
        assertThat(router.load().get("hello").requests()).isEqualTo(1);
        assertThat(router.load().get("hello").queued()).isZero();
    }

    @Test
    void holdsAWebSocketUpgradeUntilATargetIsPublished() throws Exception {
        try (WebSocketEchoBackend echo = new WebSocketEchoBackend()) {
            publish("127.0.0.1", List.of(), HOLD);
            CompletableFuture<WebSocketClient> connecting = CompletableFuture.supplyAsync(() -> {
                try {
                    return WebSocketClient.connect(router.port(), WebSocketEchoBackend.PATH);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            await().until(() -> router.load().get("hello").queued() == 1);
            assertThat(connecting).isNotDone();

            publish("127.0.0.1", List.of(Target.of(echo.address())), HOLD);

            try (WebSocketClient socket = connecting.get(10, TimeUnit.SECONDS)) {
                assertThat(socket.echo("woken")).isEqualTo("woken");
                assertThat(router.inFlight(echo.address())).isEqualTo(1);
            }
        }
    }

    @Test
    void answers503WithRetryAfterWhenNothingStartsInTime() throws Exception {
        publish(HOST, List.of(), HOLD.withQueueTimeout(Duration.ofMillis(200)));

        HttpResponse<String> response = TestClient.get(router.port(), HOST);

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("2");
        assertThat(detail(response)).isEqualTo("The service at host 'hello.localhost' is starting; no instance took "
                + "the request within 200 ms (1 request(s) waiting). Retry shortly.");
        assertThat(router.load().get("hello").queued()).isZero();
    }

    @Test
    void answers503AtOnceWhenTheHoldQueueIsFull() throws Exception {
        publish(HOST, List.of(), HOLD.withQueueDepth(1));
        CompletableFuture<HttpResponse<String>> held = sendAsync(TestClient.request(router.port(), HOST, "/").build());
        await().until(() -> router.load().get("hello").queued() == 1);

        HttpResponse<String> refused = TestClient.get(router.port(), HOST);

        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(detail(refused)).startsWith("The service at host 'hello.localhost' is starting; the queue is full");
        assertThat(held).isNotDone();
    }

    @Test
    void neverSendsARequestWhoseClientLeftWhileItWaited() throws Exception {
        publish(HOST, List.of(), HOLD);
        try (RawHttpConnection client = new RawHttpConnection(router.port())) {
            client.send("GET /gone HTTP/1.1\r\nHost: " + HOST + "\r\n\r\n");
            await().until(() -> router.load().get("hello").queued() == 1);
        }
        await().until(() -> router.load().get("hello").queued() == 0);

        backend.open();
        publish(HOST, List.of(Target.of(backend.address())), HOLD);

        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> backend.requests() == 0);
        assertThat(router.inFlight(backend.address())).isZero();
        assertThat(TestClient.get(router.port(), HOST).body()).isEqualTo("hello");
        assertThat(backend.requests()).isEqualTo(1);
    }

    @Test
    void announcesDemandWhileTheRequestStillWaits() throws Exception {
        publish(HOST, List.of(), HOLD);
        Demand before = router.awaitDemand(0, Duration.ZERO);
        assertThat(before).isEqualTo(new Demand(0, Set.of()));
        CompletableFuture<Demand> demand = CompletableFuture.supplyAsync(() -> {
            try {
                return router.awaitDemand(before.generation(), Duration.ofSeconds(20));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(2)).until(() -> !demand.isDone());

        CompletableFuture<HttpResponse<String>> held = sendAsync(TestClient.request(router.port(), HOST, "/").build());

        assertThat(demand.get(1, TimeUnit.SECONDS)).isEqualTo(new Demand(1, Set.of("hello")));
        assertThat(held).isNotDone();
        assertThat(router.awaitDemand(0, Duration.ofSeconds(10)).generation()).as("returns at once").isEqualTo(1);
        assertThat(router.awaitDemand(57, Duration.ofSeconds(10))).as("a generation from before a restart of the router")
                .isEqualTo(new Demand(1, Set.of("hello")));
        backend.open();
        publish(HOST, List.of(Target.of(backend.address())), HOLD);
        assertThat(held.get(10, TimeUnit.SECONDS).body()).isEqualTo("hello");
        assertThat(router.awaitDemand(1, Duration.ofMillis(50))).isEqualTo(new Demand(1, Set.of()));
    }

    @Test
    void aRouteThatDoesNotHoldAnswersItsUnavailableMessage() throws Exception {
        publish(HOST, List.of(), Admission.NONE.withUnavailableMessage(
                "Service hello is paused; resume it to serve requests again"));

        HttpResponse<String> response = TestClient.get(router.port(), HOST);

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).isPresent();
        assertThat(detail(response)).isEqualTo("Service hello is paused; resume it to serve requests again");
        assertThat(router.awaitDemand(0, Duration.ZERO).generation()).as("no demand from a paused service").isZero();
    }

    private void publish(String host, List<Target> targets, Admission admission) {
        router.publish(RouteTable.of(List.of(new Route(host, targets).withService("hello").withAdmission(admission),
                Route.of("idle.localhost", backend.address()).withService("idle"))));
    }
}
