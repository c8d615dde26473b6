package dev.slipway.platform.scaling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.slipway.platform.routing.ServiceRoutes;
import dev.slipway.platform.support.AppRepository;
import dev.slipway.platform.support.BusyClients;
import dev.slipway.platform.support.RawWebSocket;
import dev.slipway.platform.support.RunningSlipway;
import dev.slipway.platform.support.ServiceClient;
import dev.slipway.platform.support.StatusWatcher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * What a user of autoscaling sees, on a real app that reports how busy each instance is: load
 * beyond max-concurrency brings a second instance that takes requests, and when the load goes the
 * service scales back after its stable window without failing a request; a service with
 * min-instances 0 stops its last instance when idle and the next request (HTTP, server-sent events
 * or a WebSocket) still succeeds; a paused service answers 503 and runs nothing until resumed; beyond max-size ×
 * max-concurrency requests get 429 with Retry-After while no instance takes more than its limit.
 * Each runtime runs it.
 */
abstract class AutoscalingScenario {

    static final Duration DEPLOY = Duration.ofMinutes(3);

    @TempDir
    Path home;

    @TempDir
    Path work;

    RunningSlipway slipway;

    /** {@code process} or {@code docker}. */
    abstract String runtime();

    /** Removes what the test's deployments left behind outside Slipway's home (images). */
    void removeLeftovers(Set<String> deploymentIds) {
    }

    @AfterEach
    void stopSlipway() {
        if (slipway != null) {
            var deployments = slipway.api().allDeploymentIds();
            slipway.close();
            removeLeftovers(deployments);
        }
    }

    @Test
    void loadAboveMaxConcurrencyAddsAnInstanceAndItsEndScalesBackAfterTheStableWindowWithoutFailures()
            throws Exception {
        deploy("busy", "max-concurrency: 2\n    max-instances: 3\n    stable-window: 6");
        assertThat(healthy("busy")).hasSize(1);

        Instant calm;
        try (var light = BusyClients.light(slipway, "busy")) {
            try (var burst = BusyClients.on(slipway, "busy", "/work?ms=300", 8)) {
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                    assertThat(healthy("busy")).hasSizeGreaterThanOrEqualTo(2);
                    assertThat(burst.instances()).as("instances that answered").hasSizeGreaterThanOrEqualTo(2);
                });
                assertThat(burst.failures()).isEmpty();
            }
            calm = Instant.now();
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(healthy("busy")).hasSize(1));
            assertThat(light.failures()).as("requests that failed while the service scaled out and in").isEmpty();
            assertThat(light.count(429)).isZero();
            assertThat(light.count(200)).isPositive();
        }

        var scaled = events("busy", "service.scaled");
        assertThat(scaled.get(scaled.size() - 1)).as("the first decision").startsWith("Scaled 1→")
                .contains("average concurrency").contains("of max-concurrency 2");
        var scaleIn = lastEvent("busy", "service.scaled");
        assertThat(scaleIn.get("message").asString()).endsWith("1 instance(s) take it at 1.4 of 2 each")
                .contains("over the last 6 s");
        assertThat(Duration.between(calm, Instant.parse(scaleIn.get("time").asString())))
                .as("scaling in waits for a whole stable window of lower load").isGreaterThanOrEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void minSizeZeroStopsTheLastInstanceWhenIdleAndTheNextRequestEventStreamOrWebSocketStillSucceeds()
            throws Exception {
        var app = deploy("sleepy", "min-instances: 0\n    scale-to-zero-after: 3\n    stable-window: 2");
        awaitZero("sleepy");
        assertThat(lastEvent("sleepy", "service.scaled").get("message").asString())
                .isEqualTo("Scaled 1→0: no request for 3 s");
        assertThat(slipway.api().service("sleepy").get("statusReason").asString())
                .isEqualTo("Scaled to zero; the next request starts an instance.");

        var reasons = new CopyOnWriteArrayList<String>();
        ServiceClient.Reply woken;
        try (var watcher = StatusWatcher.start(slipway.api(), "sleepy", reasons)) {
            woken = slipway.service("sleepy").get();
            await().atMost(Duration.ofSeconds(10)).until(() -> {
                var reason = slipway.api().service("sleepy").path("statusReason");
                return !reason.isString() || !reason.asString().startsWith("Waking");
            });
        }
        assertThat(woken.status()).as(woken.body()).isEqualTo(200);
        assertThat(woken.body()).startsWith("Hello from port");
        assertThat(reasons).as("status reasons while it woke").anySatisfy(r -> assertThat(r)
                .matches("Waking from zero: instance i[0-9a-f]{8}… is starting\\.")).noneSatisfy(r -> assertThat(r)
                .startsWith("No instance is healthy"));
        assertThat(lastEvent("sleepy", "service.scaled").get("message").asString()).startsWith("Scaled 0→1: ");

        awaitZero("sleepy");
        var stream = slipway.service("sleepy").getPath("/events");
        assertThat(stream.status()).isEqualTo(200);
        assertThat(stream.body()).isEqualTo("data: tick 1\n\ndata: tick 2\n\ndata: tick 3\n\n");

        awaitZero("sleepy");
        try (var socket = RawWebSocket.open(slipway, "sleepy", "/ws")) {
            assertThat(socket.exchange("ping")).isEqualTo("echo ping");
        }
        assertThat(healthy("sleepy")).hasSize(1);

        awaitZero("sleepy");
        app.edit("busy_app.py", "Hello from port", "Hello again from port").commit("Deployed while scaled to zero");
        var push = app.push(slipway.gitUrl("sleepy"), RunningSlipway.TOKEN);
        assertThat(push.accepted()).as(push.text()).isTrue();
        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(3)).until(() -> healthy("sleepy").size() == 1);
        awaitZero("sleepy");
        assertThat(slipway.service("sleepy").get().body()).as("the new version, woken").startsWith("Hello again");
    }

    @Test
    void aServiceScaledToZeroStaysThereAcrossARestartOfSlipwayAndTheNextRequestWakesIt() throws Exception {
        deploy("dormant", "min-instances: 0\n    scale-to-zero-after: 2\n    stable-window: 2");
        awaitZero("dormant");

        slipway.closeKeepingApps();
        slipway = RunningSlipway.start(home, runtime());

        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> instances("dormant").isEmpty());
        var woken = slipway.service("dormant").get();
        assertThat(woken.status()).as(woken.body()).isEqualTo(200);
        assertThat(lastEvent("dormant", "service.scaled").get("message").asString())
                .isEqualTo("Scaled 0→1: a request arrived while it was scaled to zero");
    }

    @Test
    void scalingInKeepsTheInstanceWithAnOpenWebSocketAndTheSocketGoesOn() throws Exception {
        deploy("chatty", "min-instances: 2\n    max-instances: 2");
        assertThat(healthy("chatty")).hasSize(2);
        // Other things equal, the newest instance goes first: the socket is opened on that one.
        var newest = instances("chatty").stream().max(java.util.Comparator.comparing(i -> i.get("createdAt").asString()))
                .orElseThrow().get("address").asString();

        try (var socket = socketOn("chatty", newest)) {
            var patched = slipway.api().patch("/api/v1/services/chatty", "{\"scaling\": {\"minSize\": 1, \"maxSize\": 1}}");
            assertThat(patched.status()).as(patched.body()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(instances("chatty")).hasSize(1));

            assertThat(instances("chatty").get(0).get("address").asString()).as("the instance that stayed").isEqualTo(newest);
            assertThat(socket.exchange("two")).isEqualTo("echo two");
        }
    }

    /** A WebSocket to the instance at {@code address}: opened again until the router sends one there. */
    private RawWebSocket socketOn(String service, String address) throws Exception {
        var routes = slipway.bean(ServiceRoutes.class);
        for (int attempt = 0; attempt < 10; attempt++) {
            var socket = RawWebSocket.open(slipway, service, "/ws");
            assertThat(socket.exchange("one")).isEqualTo("echo one");
            if (routes.traffic().get(service).inFlight(address) == 1) {
                return socket;
            }
            socket.close();
            await().atMost(Duration.ofSeconds(10)).until(() -> routes.traffic().get(service).inFlight() == 0);
        }
        throw new AssertionError("no WebSocket reached " + address + " in 10 attempts");
    }

    @Test
    void aPausedServiceAnswers503AndRunsNothingAndResumeServesItAgainWithoutABuild() throws Exception {
        var app = deploy("napping", "min-instances: 0\n    max-instances: 2");
        var paused = slipway.api().post("/api/v1/services/napping/pause", java.util.Map.of());
        assertThat(paused.status()).as(paused.body()).isEqualTo(200);
        assertThat(paused.json().get("status").asString()).isEqualTo("PAUSED");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(slipway.service("napping").get().status()).isEqualTo(503);
            assertThat(instances("napping")).isEmpty();
        });
        assertThat(slipway.service("napping").get().body()).contains("Service napping is paused");

        app.edit("busy_app.py", "def main():", "def main():\n    sys.exit(3)\n").commit("Broken");
        var refused = app.push(slipway.gitUrl("napping"), RunningSlipway.TOKEN);
        assertThat(refused.accepted()).as("a broken push while paused fails its health check").isFalse();
        assertThat(refused.text()).contains("failed");
        app.edit("busy_app.py", "def main():\n    sys.exit(3)\n", "def main():")
                .edit("busy_app.py", "Hello from port", "Hello again from port").commit("Fixed, while paused");
        var push = app.push(slipway.gitUrl("napping"), RunningSlipway.TOKEN);
        assertThat(push.accepted()).as(push.text()).isTrue();
        assertThat(push.text()).contains("is paused: this deployment passed its health check");
        assertThat(slipway.service("napping").get().status()).as("still paused after a push").isEqualTo(503);
        awaitZero("napping");
        var deployments = slipway.api().deployments("napping").size();

        var resumed = slipway.api().post("/api/v1/services/napping/resume", java.util.Map.of());
        assertThat(resumed.status()).as(resumed.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(healthy("napping")).as("resuming starts one instance, min-instances 0 or not").hasSize(1));
        assertThat(slipway.service("napping").get().body()).startsWith("Hello again from port");
        assertThat(slipway.api().deployments("napping")).as("resuming builds nothing").hasSize(deployments);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(slipway.api().service("napping").get("status").asString()).isEqualTo("RUNNING"));
        assertThat(events("napping", "service.paused")).hasSize(1);
        assertThat(events("napping", "service.resumed")).hasSize(1);
    }

    @Test
    void beyondMaxSizeTimesMaxConcurrencyRequestsGet429WhileNoInstanceTakesMoreThanItsLimit() throws Exception {
        deploy("packed", "max-concurrency: 2\n    max-instances: 1");

        try (var crowd = BusyClients.on(slipway, "packed", "/work?ms=400", 12)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> crowd.count(429) >= 5 && crowd.count(200) >= 10);
            crowd.close();
            assertThat(crowd.failures()).isEmpty();
            assertThat(crowd.retryAfters()).allSatisfy(r -> assertThat(Integer.parseInt(r)).isPositive());
            assertThat(crowd.maxInFlight()).as("requests the instance had at once").isLessThanOrEqualTo(2);
        }
        assertThat(healthy("packed")).hasSize(1);
    }

    @Test
    void aHardLimitOfOneNeverSendsAnInstanceTwoRequestsAtOnceWhileTheServiceScalesOut() throws Exception {
        deploy("serial", "max-concurrency: 1\n    max-instances: 3\n    hard-limit: 1");

        try (var clients = BusyClients.on(slipway, "serial", "/work?ms=200", 4)) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(healthy("serial")).hasSize(3);
                assertThat(clients.instances()).hasSize(3);
            });
            clients.close();
            assertThat(clients.failures()).isEmpty();
            assertThat(clients.count(429)).as("requests turned away while instances started").isZero();
            assertThat(clients.maxInFlight()).as("requests one instance had at once").isEqualTo(1);
        }
    }

    /** Creates the service and pushes the busy app with these {@code slipway.scaling} lines; returns the working copy. */
    AppRepository deploy(String service, String scaling) {
        slipway = slipway == null ? RunningSlipway.start(home, runtime()) : slipway;
        slipway.api().createService(service);
        var app = AppRepository.fromExample("hello-python", work.resolve(service))
                .write("busy_app.py", busyApp())
                .edit("apprunner.yaml", "command: python3 app.py", "command: python3 busy_app.py")
                .edit("apprunner.yaml", "\nrun:", "\nslipway:\n  health-check:\n    protocol: HTTP\n    path: /health\n"
                        + "  scaling:\n    " + scaling + "\nrun:");
        app.commit("The busy app");
        var push = app.push(slipway.gitUrl(service), RunningSlipway.TOKEN);
        assertThat(push.accepted()).as(push.text()).isTrue();
        return app;
    }

    List<JsonNode> instances(String service) {
        return slipway.api().get("/api/v1/services/" + service + "/instances").json().valueStream().toList();
    }

    List<JsonNode> healthy(String service) {
        return instances(service).stream().filter(i -> i.get("state").asString().equals("HEALTHY")).toList();
    }

    void awaitZero(String service) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(instances(service)).isEmpty());
    }

    /** The messages of the service's events of this kind, newest first. */
    List<String> events(String service, String kind) {
        return slipway.api().get("/api/v1/services/" + service + "/events?limit=500").json().valueStream()
                .filter(e -> e.get("kind").asString().equals(kind)).map(e -> e.get("message").asString()).toList();
    }

    JsonNode lastEvent(String service, String kind) {
        return slipway.api().get("/api/v1/services/" + service + "/events?limit=500").json().valueStream()
                .filter(e -> e.get("kind").asString().equals(kind)).findFirst().orElseThrow();
    }

    private static String busyApp() {
        try (var in = AutoscalingScenario.class.getResourceAsStream("/apps/busy_app.py")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
