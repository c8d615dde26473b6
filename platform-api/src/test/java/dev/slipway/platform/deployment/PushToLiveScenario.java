package dev.slipway.platform.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.slipway.platform.runtime.ContainerRuntime;
import dev.slipway.platform.support.AppRepository;
import dev.slipway.platform.support.RunningSlipway;
import dev.slipway.platform.support.SteadyLoad;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The path a user takes, end to end on real pieces: create a service through the API, push the
 * example app with git, get it served by the router; push a change and see it served without a
 * single failed request; restart Slipway and find everything served again. Each runtime runs it.
 */
abstract class PushToLiveScenario {

    private static final Duration DEPLOY_TIMEOUT = Duration.ofMinutes(3);

    @TempDir
    Path home;

    @TempDir
    Path work;

    /** Ids of the deployments a test made, for runtimes whose instances outlive Slipway. */
    final java.util.Set<String> deploymentIds = new java.util.HashSet<>();

    /** {@code process} or {@code docker}. */
    abstract String runtime();

    private void remember(RunningSlipway slipway, String service) {
        try {
            slipway.api().deployments(service).forEach(d -> deploymentIds.add(d.get("id").asString()));
        } catch (AssertionError e) {
            // The service was never created: nothing to remember.
        }
    }

    @Test
    void pushedAppIsServedAndARedeployDropsNoRequest() throws Exception {
        try (var slipway = RunningSlipway.start(home, runtime())) {
            try {
                redeployWithoutDroppingRequests(slipway);
            } finally {
                remember(slipway, "hello");
            }
        }
    }

    private void redeployWithoutDroppingRequests(RunningSlipway slipway) throws Exception {
        var api = slipway.api();
        var created = api.createService("hello");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("status").asString()).isEqualTo("OPERATION_IN_PROGRESS");
        assertThat(created.json().get("url").asString())
                .isEqualTo("http://hello.localhost:" + slipway.routerPort() + "/");

        var app = AppRepository.fromExample("hello-python", work);
        var statusWhileBuilding = new AtomicReference<String>();
        var first = app.push(slipway.gitUrl("hello"), RunningSlipway.TOKEN, line -> {
            if (line.contains("-----> Building") && statusWhileBuilding.get() == null) {
                statusWhileBuilding.set(api.latestDeployment("hello").get("status").asString());
            }
        });

        assertThat(first.accepted()).as(first.text()).isTrue();
        var deployment = api.latestDeployment("hello");
        assertThat(statusWhileBuilding.get()).as("push output arrives while the deployment runs")
                .isEqualTo("IN_PROGRESS");
        assertThat(first.output()).as("push output")
                .anySatisfy(l -> assertThat(l).contains(deployment.get("id").asString()))
                .anySatisfy(l -> assertThat(l).contains("Health checking"))
                .anySatisfy(l -> assertThat(l).contains("Deployed hello (deployment 1): http://hello.localhost:"));
        assertThat(first.text()).containsSubsequence("Fetching source", "Building", "Starting",
                "Health checking", "Switching traffic");
        assertThat(deployment.get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(deployment.get("commit").asString()).hasSize(40);
        assertThat(deployment.get("image").asString()).isNotBlank();
        assertThat(api.service("hello").get("status").asString()).isEqualTo("RUNNING");
        assertThat(slipway.service("hello").get().body()).isEqualTo("Hello from Slipway! (version 1)\n");

        app.edit("app.py", "VERSION = \"1\"", "VERSION = \"2\"").commit("Version 2");
        SteadyLoad load;
        try (var steady = SteadyLoad.on(slipway.service("hello"))) {
            load = steady;
            await().atMost(Duration.ofSeconds(30)).until(() -> steady.succeeded() >= 20);
            var second = app.push(slipway.gitUrl("hello"), RunningSlipway.TOKEN);
            assertThat(second.accepted()).as(second.text()).isTrue();
            await().atMost(DEPLOY_TIMEOUT).until(() -> steady.sawBody("version 2"));
            var served = steady.succeeded();
            await().atMost(Duration.ofSeconds(30)).until(() -> steady.succeeded() >= served + 20);
        }
        assertThat(load.failures()).as("requests that failed during the redeploy").isEmpty();
        assertThat(slipway.service("hello").get().body()).isEqualTo("Hello from Slipway! (version 2)\n");

        var metrics = api.get("/api/v1/metrics");
        assertThat(metrics.contentType()).startsWith("text/plain");
        assertThat(metrics.body()).as("the router's per-service metrics")
                .containsPattern("slipway_router_requests_total\\{service=\"hello\"} [1-9]")
                .containsPattern("slipway_router_request_latency_seconds_bucket\\{service=\"hello\",le=\"\\+Inf\"} [1-9]")
                .contains("slipway_router_active_instances{service=\"hello\"} 1");

        var deployments = api.deployments("hello");
        assertThat(deployments).extracting(d -> d.get("number").asInt()).containsExactly(2, 1);
        var instances = api.get("/api/v1/services/hello/instances").json().valueStream().toList();
        assertThat(instances).as("instances running after the redeploy").singleElement().satisfies(i -> {
            assertThat(i.get("deploymentId").asString()).isEqualTo(deployments.get(0).get("id").asString());
            assertThat(i.get("state").asString()).isEqualTo("HEALTHY");
        });
        var history = api.get("/api/v1/services/hello/instances?stopped=true").json().valueStream().toList();
        assertThat(history).as("instances with the stopped ones").hasSize(2)
                .anySatisfy(i -> {
                    assertThat(i.get("deploymentId").asString()).isEqualTo(deployments.get(1).get("id").asString());
                    assertThat(i.get("state").asString()).isEqualTo("STOPPED");
                    assertThat(i.get("reason").asString()).isEqualTo("replaced by deployment 2");
                });
        var running = slipway.bean(ContainerRuntime.class).list().stream()
                .filter(c -> c.deploymentId().equals(deployments.get(1).get("id").asString())).toList();
        assertThat(running).as("containers of the replaced deployment").isEmpty();
    }

    @Test
    void restartKeepsServicesAndDeploymentsAndAdoptsTheRunningInstance() throws Exception {
        String deploymentId;
        List<String> containers;
        var slipway = RunningSlipway.start(home, runtime());
        try {
            slipway.api().createService("kept");
            var app = AppRepository.fromExample("hello-python", work);
            try {
                var push = app.push(slipway.gitUrl("kept"), RunningSlipway.TOKEN);
                assertThat(push.accepted()).as(push.text()).isTrue();
            } finally {
                remember(slipway, "kept");
            }
            deploymentId = slipway.api().latestDeployment("kept").get("id").asString();
            assertThat(slipway.service("kept").get().ok()).isTrue();
            containers = containers(slipway);
            assertThat(containers).hasSize(1);
        } finally {
            slipway.closeKeepingApps();
        }
        try (var restarted = RunningSlipway.start(home, runtime())) {
            var api = restarted.api();
            assertThat(api.service("kept").get("activeDeploymentId").asString()).isEqualTo(deploymentId);
            assertThat(api.deployments("kept")).extracting(d -> d.get("status").asString()).containsExactly("SUCCEEDED");
            assertThat(restarted.service("kept").get().body()).as("served at once by the adopted instance")
                    .isEqualTo("Hello from Slipway! (version 1)\n");
            assertThat(containers(restarted)).as("the same container serves").isEqualTo(containers);
            assertThat(api.service("kept").get("status").asString()).isEqualTo("RUNNING");
            assertThat(api.get("/api/v1/services/kept/events").json().valueStream()
                    .map(e -> e.get("kind").asString())).contains("slipway.restarted");
        }
    }

    private static List<String> containers(RunningSlipway slipway) {
        return slipway.api().get("/api/v1/services/kept/instances").json().valueStream()
                .map(i -> i.get("container").asString()).toList();
    }
}
