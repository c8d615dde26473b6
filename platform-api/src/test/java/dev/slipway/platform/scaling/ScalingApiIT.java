package dev.slipway.platform.scaling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.slipway.platform.support.AppRepository;
import dev.slipway.platform.support.RunningSlipway;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scaling settings through the API, App Runner's way: {@code PATCH} wins over apprunner.yaml and
 * stays across deployments, {@code GET} says where each value came from, and bad values are located
 * problems that change nothing.
 */
class ScalingApiIT {

    @TempDir
    Path home;

    @TempDir
    Path work;

    private RunningSlipway slipway;

    @AfterEach
    void stop() {
        if (slipway != null) {
            slipway.close();
        }
    }

    @Test
    void patchedSettingsWinOverTheFileAndStayAcrossDeployments() {
        var app = deploy("tuned", "max-concurrency: 20", "python3 app.py");
        var api = slipway.api();
        var before = api.service("tuned").get("scaling");
        assertThat(before.get("maxConcurrency").asInt()).isEqualTo(20);
        assertThat(before.get("sources").get("maxConcurrency").asString()).isEqualTo("apprunner.yaml");
        assertThat(before.get("sources").get("minSize").asString()).isEqualTo("default");
        assertThat(before.get("desiredInstances").asInt()).isEqualTo(1);

        var patched = api.patch("/api/v1/services/tuned", "{\"scaling\": {\"minSize\": 2, \"maxSize\": 4}}");

        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
        var scaling = patched.json().get("scaling");
        assertThat(scaling.get("minSize").asInt()).isEqualTo(2);
        assertThat(scaling.get("maxSize").asInt()).isEqualTo(4);
        assertThat(scaling.get("sources").get("minSize").asString()).isEqualTo("api");
        await().atMost(Duration.ofSeconds(30)).until(() -> healthy("tuned") == 2);
        assertThat(events("tuned")).contains("Scaling set through the API: minSize 2, maxSize 4",
                "Scaled 1→2: minSize is 2");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(api.get("/api/v1/metrics").body())
                .containsPattern("(?m)^slipway_autoscaler_desired_instances\\{service=\"tuned\"} 2(\\.0)?$")
                .containsPattern("(?m)^slipway_router_active_instances\\{service=\"tuned\"} 2(\\.0)?$"));

        app.edit("app.py", "VERSION = \"1\"", "VERSION = \"2\"").commit("Version 2");
        assertThat(app.push(slipway.gitUrl("tuned"), RunningSlipway.TOKEN).accepted()).isTrue();
        assertThat(healthy("tuned")).as("a new deployment runs as many as the API asked for").isEqualTo(2);
        assertThat(api.service("tuned").get("scaling").get("sources").get("minSize").asString()).isEqualTo("api");

        var belowTheFile = api.patch("/api/v1/services/tuned", "{\"scaling\": {\"minSize\": null, \"maxSize\": 0}}");
        assertThat(belowTheFile.status()).isEqualTo(400);
        assertThat(belowTheFile.json().get("detail").asString()).isEqualTo("scaling.maxSize must be an integer of at "
                + "least 1, or null for apprunner.yaml's; got 0");
        assertThat(api.patch("/api/v1/services/tuned", "{\"scaling\": {\"maxSize\": \"two\"}}").json().get("detail")
                .asString()).isEqualTo("scaling.maxSize must be a whole number, or null for apprunner.yaml's; got \"two\"");
        var handedBack = api.patch("/api/v1/services/tuned", "{\"scaling\": {\"minSize\": null}}");
        assertThat(handedBack.json().get("scaling").get("minSize").asInt()).isEqualTo(1);
        assertThat(handedBack.json().get("scaling").get("sources").get("minSize").asString()).isEqualTo("default");
        assertThat(handedBack.json().get("scaling").get("sources").get("maxSize").asString()).isEqualTo("api");
    }

    @Test
    void anApiMaximumBelowTheFilesMinimumIsRefused() {
        deploy("floor", "min-instances: 2", "python3 app.py");
        var api = slipway.api();

        var refused = api.patch("/api/v1/services/floor", "{\"scaling\": {\"maxSize\": 1}}");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("detail").asString()).isEqualTo("scaling.minSize 2 is above maxSize 1 (api); "
                + "lower minSize or raise maxSize");
        assertThat(api.service("floor").get("scaling").get("maxSize").asInt()).isEqualTo(25);
        var both = api.patch("/api/v1/services/floor", "{\"scaling\": {\"minSize\": 1, \"maxSize\": 1}}");
        assertThat(both.status()).as(both.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> healthy("floor") == 1);
        assertThat(events("floor")).contains("Scaled 2→1: maxSize is 1");
    }

    @Test
    void deletingAServiceWhileARequestWaitsForItToWakeAnswersThatRequestAndLeavesNothingRunning() throws Exception {
        deploy("doomed", "min-instances: 0\n    scale-to-zero-after: 1\n    stable-window: 1",
                "sleep 3; exec python3 app.py");
        var api = slipway.api();
        await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/api/v1/services/doomed/instances").json().isEmpty());
        var routes = slipway.bean(dev.slipway.platform.routing.ServiceRoutes.class);

        var waiting = java.util.concurrent.CompletableFuture.supplyAsync(() -> slipway.service("doomed").get());
        await().atMost(Duration.ofSeconds(5)).until(() -> routes.traffic().get("doomed").queued() == 1);
        assertThat(api.delete("/api/v1/services/doomed").status()).isEqualTo(200);

        var answer = waiting.get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(answer.status()).as(answer.body()).isEqualTo(404);
        var runtime = slipway.bean(dev.slipway.platform.runtime.ContainerRuntime.class);
        await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(10)).until(() -> runtime.list().isEmpty());
        assertThat(api.get("/api/v1/services/doomed").status()).isEqualTo(404);
    }

    @Test
    void badSettingsAreLocatedProblemsThatChangeNothing() {
        slipway = RunningSlipway.start(home, "process");
        var api = slipway.api();
        api.createService("strict");

        var outOfRange = api.patch("/api/v1/services/strict", "{\"scaling\": {\"maxConcurrency\": 500}}");
        assertThat(outOfRange.status()).isEqualTo(400);
        assertThat(outOfRange.contentType()).startsWith("application/problem+json");
        assertThat(outOfRange.json().get("detail").asString()).isEqualTo("scaling.maxConcurrency must be an integer "
                + "from 1 to 200, or null for apprunner.yaml's; got 500");
        assertThat(api.patch("/api/v1/services/strict", "{\"scaling\": {\"minSize\": 5, \"maxSize\": 3}}")
                .json().get("detail").asString()).isEqualTo("scaling.minSize 5 is above maxSize 3 (api); lower minSize "
                + "or raise maxSize");
        assertThat(api.patch("/api/v1/services/strict", "{\"scaling\": {\"minsize\": 0}}").json().get("detail")
                .asString()).isEqualTo("scaling.minsize is not a scaling setting; use maxConcurrency, minSize or maxSize");
        assertThat(api.patch("/api/v1/services/strict", "{\"name\": \"other\"}").status()).isEqualTo(400);
        assertThat(api.service("strict").get("scaling").get("sources").valueStream().map(v -> v.asString()))
                .containsOnly("default");

        var pause = api.post("/api/v1/services/strict/pause", Map.of());
        assertThat(pause.status()).isEqualTo(409);
        assertThat(pause.json().get("detail").asString()).contains("nothing to pause; deploy it first");
    }

    /** Starts Slipway, creates the service and pushes the hello example with these scaling lines and command. */
    private AppRepository deploy(String service, String scaling, String command) {
        slipway = RunningSlipway.start(home, "process");
        slipway.api().createService(service);
        var app = AppRepository.fromExample("hello-python", work)
                .edit("apprunner.yaml", "command: python3 app.py", "command: " + command)
                .edit("apprunner.yaml", "\nrun:", "\nslipway:\n  scaling:\n    " + scaling + "\nrun:");
        app.commit("Scaling: " + scaling.replace('\n', ' '));
        var push = app.push(slipway.gitUrl(service), RunningSlipway.TOKEN);
        assertThat(push.accepted()).as(push.text()).isTrue();
        return app;
    }

    private int healthy(String service) {
        return (int) slipway.api().get("/api/v1/services/" + service + "/instances").json().valueStream()
                .filter(i -> i.get("state").asString().equals("HEALTHY")).count();
    }

    private java.util.List<String> events(String service) {
        return slipway.api().get("/api/v1/services/" + service + "/events?limit=200").json().valueStream()
                .map(e -> e.get("message").asString()).toList();
    }
}
