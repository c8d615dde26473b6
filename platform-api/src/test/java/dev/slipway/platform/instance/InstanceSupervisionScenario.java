package dev.slipway.platform.instance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.slipway.platform.support.AppRepository;
import dev.slipway.platform.support.EventStreamClient;
import dev.slipway.platform.support.RunningSlipway;
import dev.slipway.platform.support.StatusWatcher;
import dev.slipway.platform.support.SteadyLoad;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * What a user sees when instances fail after they were deployed, on real apps: a killed instance
 * is replaced while the service goes on answering, a crash-looping app backs off and says why
 * without disturbing other services, and a fixed push recovers it. Each runtime runs it.
 */
abstract class InstanceSupervisionScenario {

    static final Duration DEPLOY = Duration.ofMinutes(3);
    /** The target for replacing a killed instance, measured from the kill to the replacement's health. */
    static final Duration REPLACED_WITHIN = Duration.ofSeconds(5);

    @TempDir
    Path home;

    @TempDir
    Path work;

    private RunningSlipway slipway;

    /** {@code process} or {@code docker}. */
    abstract String runtime();

    /** Removes what the test's deployments left behind outside Slipway's home (images). */
    void removeLeftovers(Set<String> deploymentIds) {
    }

    /** Kills the container (or process group) with SIGKILL from outside Slipway. */
    abstract void killFromOutside(String container) throws Exception;

    @AfterEach
    void stopSlipway() {
        if (slipway != null) {
            var deployments = slipway.api().allDeploymentIds();
            slipway.close();
            removeLeftovers(deployments);
        }
    }

    @Test
    void aKilledInstanceIsReplacedWhileRequestsGoOnSucceeding() throws Exception {
        slipway = RunningSlipway.start(home, runtime());
        var api = slipway.api();
        api.createService("pair");
        var app = AppRepository.fromExample("hello-python", work)
                .edit("apprunner.yaml", "\nrun:", "\nslipway:\n  scaling:\n    min-instances: 2\nrun:");
        app.commit("Two instances");
        var push = app.push(slipway.gitUrl("pair"), RunningSlipway.TOKEN);
        assertThat(push.accepted()).as(push.text()).isTrue();
        var before = instances("pair");
        assertThat(before).as("instances of a service with min-instances 2").hasSize(2)
                .allSatisfy(i -> assertThat(i.get("state").asString()).isEqualTo("HEALTHY"));
        assertThat(before.get(0).get("address").asString()).isNotEqualTo(before.get(1).get("address").asString());
        var victim = before.get(0);
        var reasons = new CopyOnWriteArrayList<String>();

        Instant killed;
        SteadyLoad load;
        try (var steady = SteadyLoad.on(slipway.service("pair"));
             var watcher = StatusWatcher.start(api, "pair", reasons)) {
            load = steady;
            await().atMost(Duration.ofSeconds(30)).until(() -> steady.succeeded() >= 50);
            killed = Instant.now();
            killFromOutside(victim.get("container").asString());
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                var now = instance("pair", victim);
                assertThat(now.get("state").asString()).isEqualTo("HEALTHY");
                assertThat(now.get("container").asString()).isNotEqualTo(victim.get("container").asString());
            });
            var served = steady.succeeded();
            await().atMost(Duration.ofSeconds(30)).until(() -> steady.succeeded() >= served + 50);
        }
        assertThat(load.failures()).as("requests that failed while an instance was killed and replaced").isEmpty();

        var replaced = instance("pair", victim);
        assertThat(replaced.get("restarts").asInt()).isEqualTo(1);
        assertThat(replaced.get("lastExitCode").asInt()).isEqualTo(137);
        var events = events("pair");
        var crashed = event(events, "instance.crashed", victim);
        var healthyAgain = event(events, "instance.replaced", victim);
        assertThat(crashed.get("message").asString()).contains("137").contains("restarting in 1 s");
        assertThat(Duration.between(killed, Instant.parse(healthyAgain.get("time").asString())))
                .as("from the kill to the replacement passing its health check").isLessThan(REPLACED_WITHIN);
        assertThat(reasons).as("the service's status reasons while it was down an instance")
                .anySatisfy(r -> assertThat(r).startsWith("1 of 2 instances healthy; instance "
                        + victim.get("id").asString().substring(0, 9)).contains("crashed"));
        assertThat(api.service("pair").get("status").asString()).isEqualTo("RUNNING");
    }

    @Test
    void aCrashLoopBacksOffSaysWhyLeavesOthersAloneAndAFixedPushRecovers() throws Exception {
        slipway = RunningSlipway.start(home, runtime());
        var api = slipway.api();
        api.createService("steady");
        api.createService("crashy");
        var steadyPush = AppRepository.fromExample("hello-python", work.resolve("steady"))
                .push(slipway.gitUrl("steady"), RunningSlipway.TOKEN);
        assertThat(steadyPush.accepted()).as(steadyPush.text()).isTrue();
        var crashy = AppRepository.fromExample("hello-python", work.resolve("crashy"));
        // Three seconds of life: enough to pass the first health check however busy the machine is.
        crashy.edit("apprunner.yaml", "command: python3 app.py", "command: timeout 3 python3 app.py; exit 1")
                .commit("Exits three seconds after it starts");

        SteadyLoad other;
        try (var steady = SteadyLoad.on(slipway.service("steady"))) {
            other = steady;
            var push = crashy.push(slipway.gitUrl("crashy"), RunningSlipway.TOKEN);
            assertThat(push.accepted()).as("the app passes its health check before it exits: " + push.text()).isTrue();

            await().atMost(DEPLOY).until(() -> crashes(events("crashy")).size() >= 4);
            var waits = crashes(events("crashy")).stream().map(InstanceSupervisionScenario::restartWait).toList();
            assertThat(waits).as("announced waits before each restart, oldest first").startsWith(1, 2, 4);
            var restarts = events("crashy").stream().filter(e -> e.get("kind").asString().equals("instance.started")
                    && e.get("message").asString().contains("restarted")).map(e -> Instant.parse(e.get("time").asString()))
                    .sorted().toList();
            assertThat(gaps(restarts)).as("gaps between restarts").isSortedAccordingTo(Duration::compareTo);

            // Between two crashes the instance serves for a moment and the service has no reason to give.
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(api.service("crashy")
                    .path("statusReason").asString("")).as("status reason")
                    .containsPattern("crashed \\d+ times in a row, last: exit 1")
                    .contains("GET /api/v1/services/crashy/logs?instance="));
            var looping = instances("crashy");
            assertThat(looping).hasSize(1);
            assertThat(looping.get(0).get("restarts").asInt()).isGreaterThanOrEqualTo(3);
            assertThat(looping.get(0).get("lastExitCode").asInt()).isEqualTo(1);

            crashy.edit("apprunner.yaml", "command: timeout 3 python3 app.py; exit 1", "command: python3 app.py")
                    .commit("Fixed");
            var fixed = crashy.push(slipway.gitUrl("crashy"), RunningSlipway.TOKEN);
            assertThat(fixed.accepted()).as(fixed.text()).isTrue();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                var recovered = api.service("crashy");
                assertThat(recovered.get("status").asString()).isEqualTo("RUNNING");
                assertThat(recovered.has("statusReason")).as("status reason " + recovered).isFalse();
            });
            assertThat(slipway.service("crashy").get().body()).isEqualTo("Hello from Slipway! (version 1)\n");
            var recovered = instances("crashy");
            assertThat(recovered).hasSize(1);
            assertThat(recovered.get(0).get("restarts").asInt()).isZero();
        }
        assertThat(other.failures()).as("requests to the other service meanwhile").isEmpty();
        assertThat(other.succeeded()).isPositive();
    }

    @Test
    void whatTheAppPrintsIsInItsLogAndArrivesLiveWhileItRuns() throws Exception {
        slipway = RunningSlipway.start(home, runtime());
        var api = slipway.api();
        api.createService("chatty");
        var push = AppRepository.fromExample("hello-python", work).push(slipway.gitUrl("chatty"), RunningSlipway.TOKEN);
        assertThat(push.accepted()).as(push.text()).isTrue();
        var instance = instances("chatty").get(0).get("id").asString();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(logTexts("chatty", ""))
                .anySatisfy(t -> assertThat(t).startsWith("listening on port")));

        try (var stream = EventStreamClient.open(slipway.baseUrl() + "/api/v1/services/chatty/logs?follow=true",
                RunningSlipway.TOKEN, null)) {
            assertThat(slipway.service("chatty").get().ok()).isTrue();
            var marker = "/printed-while-followed-" + System.nanoTime();
            slipway.service("chatty").getPath(marker);

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(stream.events("line"))
                    .anySatisfy(e -> assertThat(e.data()).contains("GET " + marker).contains("\"stream\":\"stderr\"")
                            .contains(instance)));
            assertThat(stream.isOpen()).as("the stream is still open").isTrue();
            assertThat(instances("chatty").get(0).get("state").asString()).as("the app still runs").isEqualTo("HEALTHY");
            assertThat(logTexts("chatty", "?instance=" + instance)).anySatisfy(t -> assertThat(t).contains("GET " + marker));
        }
    }

    private List<String> logTexts(String service, String query) {
        return slipway.api().get("/api/v1/services/" + service + "/logs" + query).json().valueStream()
                .map(l -> l.get("text").asString()).toList();
    }

    private List<JsonNode> instances(String service) {
        return slipway.api().get("/api/v1/services/" + service + "/instances").json().valueStream().toList();
    }

    private JsonNode instance(String service, JsonNode like) {
        return instances(service).stream().filter(i -> i.get("id").asString().equals(like.get("id").asString()))
                .findFirst().orElseThrow();
    }

    private List<JsonNode> events(String service) {
        return slipway.api().get("/api/v1/services/" + service + "/events?limit=1000").json().valueStream().toList();
    }

    private static JsonNode event(List<JsonNode> events, String kind, JsonNode instance) {
        return events.stream().filter(e -> e.get("kind").asString().equals(kind))
                .filter(e -> instance.get("id").asString().equals(e.path("instanceId").asString()))
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " event in " + events));
    }

    /** The crash events, oldest first. */
    private static List<JsonNode> crashes(List<JsonNode> events) {
        var crashes = new ArrayList<>(events.stream().filter(e -> e.get("kind").asString().equals("instance.crashed"))
                .toList());
        java.util.Collections.reverse(crashes);
        return crashes;
    }

    private static int restartWait(JsonNode crash) {
        var matcher = Pattern.compile("restarting in (\\d+) s").matcher(crash.get("message").asString());
        assertThat(matcher.find()).as(crash.get("message").asString()).isTrue();
        return Integer.parseInt(matcher.group(1));
    }

    private static List<Duration> gaps(List<Instant> times) {
        var gaps = new ArrayList<Duration>();
        for (int i = 1; i < times.size(); i++) {
            gaps.add(Duration.between(times.get(i - 1), times.get(i)));
        }
        return gaps;
    }
}
