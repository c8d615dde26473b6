package dev.slipway.platform.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.slipway.router.Admission;
import dev.slipway.router.Route;
import dev.slipway.router.RouteTable;
import dev.slipway.router.Target;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What Slipway relies on from a router, whichever runs it: routes published are served on {@link
 * RouteTablePublisher#port()}, removed instances drain, metrics are per service, and a restarted Slipway
 * (a second publisher on the same home directory) serves the previous routes at once.
 */
abstract class RouteTablePublisherContract {

    @TempDir
    Path home;

    private final List<RouteTablePublisher> publishers = new ArrayList<>();
    private final List<TestBackend> backends = new ArrayList<>();

    /** A publisher keeping its router's files in {@code directory}, as Slipway does in {@code $SLIPWAY_HOME/router}. */
    protected abstract RouteTablePublisher open(Path directory);

    /** Runs after every publisher is closed: stops what outlives them. */
    protected void cleanUp() {
    }

    protected final RouteTablePublisher publisher() {
        RouteTablePublisher publisher = open(home.resolve("router"));
        publishers.add(publisher);
        return publisher;
    }

    /** Stops {@code publisher} as a stopping Slipway does, and starts another on the same home directory. */
    protected final RouteTablePublisher restart(RouteTablePublisher publisher) {
        publisher.close();
        publishers.remove(publisher);
        return publisher();
    }

    protected final TestBackend backend(String name) {
        TestBackend backend = TestBackend.named(name);
        backends.add(backend);
        return backend;
    }

    protected static RouteTable serving(String service, TestBackend... instances) {
        List<Target> targets = new ArrayList<>();
        for (TestBackend instance : instances) {
            targets.add(new Target(instance.address(), Target.FULL_WEIGHT));
        }
        return RouteTable.of(List.of(new Route(service + ".localhost", targets).withService(service)));
    }

    @AfterEach
    void closeEverything() {
        publishers.forEach(RouteTablePublisher::close);
        cleanUp();
        backends.forEach(TestBackend::close);
    }

    @Test
    void aPublishedRouteServesItsInstanceOnThePort() throws Exception {
        RouteTablePublisher router = publisher();
        router.publish(serving("hello", backend("blue")));

        HttpResponse<String> response = AppClient.get(router.port(), "hello.localhost");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("blue");
    }

    @Test
    void aServiceWithoutInstancesAnswers503WithRetryAfter() throws Exception {
        RouteTablePublisher router = publisher();
        router.publish(serving("paused"));

        HttpResponse<String> response = AppClient.get(router.port(), "paused.localhost");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).isPresent();
    }

    @Test
    void currentIsTheTableLastPublished() {
        RouteTablePublisher router = publisher();
        RouteTable table = RouteTable.of(List.of(
                Route.of("hello.localhost", backend("blue").address()).withService("hello"),
                Route.of("hello.localhost", backend("api").address()).withPathPrefix("/api").withService("hello-api")
                        .withRequestTimeout(Duration.ofMinutes(15)).withMaxBodySize(1024L)));
        router.publish(serving("old", backend("old")));
        router.publish(table);

        assertThat(router.current().routes()).isEqualTo(table.routes());
    }

    @Test
    void awaitDrainedWaitsForTheRequestInFlightToARemovedInstance() throws Exception {
        RouteTablePublisher router = publisher();
        TestBackend old = backend("old");
        CompletableFuture<String> inFlight = holdARequestThenReplace(router, old);

        CompletableFuture<Boolean> drained = CompletableFuture.supplyAsync(() -> awaitDrained(router, old, Duration.ofSeconds(30)));

        await().during(Duration.ofMillis(700)).atMost(Duration.ofSeconds(5)).until(() -> !drained.isDone());
        assertThat(AppClient.get(router.port(), "hello.localhost").body()).as("a new request").isEqualTo("new");
        old.release();
        assertThat(drained.get(30, TimeUnit.SECONDS)).isTrue();
        assertThat(inFlight.get(30, TimeUnit.SECONDS)).isEqualTo("200 old");
    }

    @Test
    void awaitDrainedGivesUpAfterTheTimeout() throws Exception {
        RouteTablePublisher router = publisher();
        TestBackend old = backend("old");
        CompletableFuture<String> inFlight = holdARequestThenReplace(router, old);

        long began = System.nanoTime();
        boolean drained = router.awaitDrained(old.address(), Duration.ofMillis(500));

        assertThat(drained).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - began)).isGreaterThanOrEqualTo(Duration.ofMillis(450));
        old.release();
        assertThat(inFlight.get(30, TimeUnit.SECONDS)).isEqualTo("200 old");
    }

    /** A request to {@code old} that the instance holds unanswered, then a table that routes to another one. */
    private CompletableFuture<String> holdARequestThenReplace(RouteTablePublisher router, TestBackend old) {
        router.publish(serving("hello", old));
        old.hold();
        CompletableFuture<String> inFlight = CompletableFuture.supplyAsync(() -> AppClient.attempt(router.port(), "hello.localhost"));
        await().atMost(Duration.ofSeconds(30)).until(() -> old.waiting() == 1);
        router.publish(serving("hello", backend("new")));
        return inFlight;
    }

    @Test
    void metricsCountEachServicesRequests() throws Exception {
        RouteTablePublisher router = publisher();
        router.publish(serving("hello", backend("blue")));
        for (int i = 0; i < 3; i++) {
            assertThat(AppClient.get(router.port(), "hello.localhost").statusCode()).isEqualTo(200);
        }

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(router.metrics())
                .containsPattern("(?m)^slipway_router_requests_total\\{service=\"hello\"} 3(\\.0)?$")
                .containsPattern("(?m)^slipway_router_2xx_status_responses_total\\{service=\"hello\"} 3(\\.0)?$"));
    }

    @Test
    void trafficSaysHowManyRequestsEachServiceHadAndHasInFlight() throws Exception {
        RouteTablePublisher router = publisher();
        TestBackend blue = backend("blue");
        router.publish(serving("hello", blue));
        assertThat(AppClient.get(router.port(), "hello.localhost").statusCode()).isEqualTo(200);
        blue.hold();
        CompletableFuture<String> held = CompletableFuture.supplyAsync(() -> AppClient.attempt(router.port(), "hello.localhost"));
        await().atMost(Duration.ofSeconds(30)).until(() -> blue.waiting() == 1);

        assertThat(router.traffic()).containsEntry("hello",
                new ServiceTraffic(2, 1, 0, java.util.Map.of(blue.address(), 1)));
        blue.release();
        assertThat(held.get(30, TimeUnit.SECONDS)).isEqualTo("200 blue");
        await().atMost(Duration.ofSeconds(5)).until(() -> router.traffic().get("hello").inFlight() == 0);
    }

    @Test
    void aRequestForAServiceScaledToZeroWaitsIsAnnouncedAndIsAnsweredOnceAnInstanceIsRouted() throws Exception {
        RouteTablePublisher router = publisher();
        Admission hold = new Admission(null, 10, Duration.ofSeconds(30), true, null);
        router.publish(RouteTable.of(List.of(new Route("hello.localhost", List.of()).withService("hello")
                .withAdmission(hold))));
        long before = router.awaitDemand(0, Duration.ofMillis(1)).generation();

        CompletableFuture<String> waiting = CompletableFuture.supplyAsync(() -> AppClient.attempt(router.port(), "hello.localhost"));
        Demand demand = router.awaitDemand(before, Duration.ofSeconds(10));

        assertThat(demand.services()).containsExactly("hello");
        assertThat(demand.generation()).isGreaterThan(before);
        assertThat(waiting).as("the request waits for an instance").isNotDone();
        assertThat(router.traffic().get("hello").queued()).isEqualTo(1);
        router.publish(RouteTable.of(List.of(new Route("hello.localhost", List.of(Target.of(backend("woken").address())))
                .withService("hello").withAdmission(hold))));
        assertThat(waiting.get(30, TimeUnit.SECONDS)).isEqualTo("200 woken");
    }

    @Test
    void aServiceWithoutInstancesThatDoesNotWaitSaysWhy() throws Exception {
        RouteTablePublisher router = publisher();
        router.publish(RouteTable.of(List.of(new Route("napping.localhost", List.of()).withService("napping")
                .withAdmission(Admission.NONE.withUnavailableMessage("Service napping is paused.")))));

        HttpResponse<String> response = AppClient.get(router.port(), "napping.localhost");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).contains("Service napping is paused.");
    }

    @Test
    void aRestartedSlipwayServesThePreviousRoutesAtOnce() throws Exception {
        RouteTablePublisher first = publisher();
        RouteTable table = serving("hello", backend("blue"));
        first.publish(table);

        RouteTablePublisher second = restart(first);

        assertThat(AppClient.get(second.port(), "hello.localhost").body()).isEqualTo("blue");
        assertThat(second.current().routes()).isEqualTo(table.routes());
    }

    private static boolean awaitDrained(RouteTablePublisher router, TestBackend instance, Duration timeout) {
        try {
            return router.awaitDrained(instance.address(), timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
