package dev.slipway.platform.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.slipway.platform.support.AppRepository;
import dev.slipway.platform.support.RunningSlipway;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Deployments wait in the database, not in memory: one queued when Slipway stops runs after it
 * starts again; builds beyond the host's limit wait their turn and say so; and no deployment is
 * left in progress when nothing runs it any more.
 */
class DeploymentQueueIT {

    private static final String SLOW_BUILD = "- echo building for a long time\n      - sleep 600";

    @TempDir
    Path home;

    @TempDir
    Path work;

    @Test
    void aQueuedDeploymentSurvivesARestartWhileTheOneCutOffFailsAndTheOldVersionServes() throws Exception {
        var slipway = RunningSlipway.start(home, "process");
        String queued;
        try {
            slipway.api().createService("queued");
            var app = AppRepository.fromExample("hello-python", work);
            assertThat(app.push(slipway.gitUrl("queued"), RunningSlipway.TOKEN).accepted()).isTrue();
            app.edit("apprunner.yaml", "- python3 -m compileall -q .", SLOW_BUILD).commit("Slow build");
            CompletableFuture.runAsync(() -> app.push(slipway.gitUrl("queued"), RunningSlipway.TOKEN));
            awaitBuilding(slipway, "queued", 2);

            var answer = slipway.api().post("/api/v1/services/queued/deployments", Map.of());
            assertThat(answer.status()).isEqualTo(202);
            queued = answer.json().get("id").asString();
            assertThat(answer.json().get("status").asString()).isEqualTo("PENDING");
        } finally {
            slipway.closeKeepingApps();
        }
        try (var restarted = RunningSlipway.start(home, "process")) {
            var api = restarted.api();
            await().atMost(Duration.ofMinutes(2)).until(() -> api.deployments("queued").get(0).get("status")
                    .asString().equals("SUCCEEDED"));
            var deployments = api.deployments("queued");
            assertThat(deployments).extracting(d -> d.get("number").asInt()).containsExactly(3, 2, 1);
            assertThat(deployments.get(0).get("id").asString()).isEqualTo(queued);
            assertThat(deployments.get(1).get("status").asString()).isEqualTo("FAILED");
            assertThat(deployments.get(1).get("reason").asString()).startsWith("Slipway stopped while this deployment ran");
            assertThat(restarted.service("queued").get().body()).isEqualTo("Hello from Slipway! (version 1)\n");
            assertThat(ProcessHandle.allProcesses().filter(p -> p.info().commandLine().orElse("").contains("sleep 600")))
                    .as("the cut-off build's processes").isEmpty();
        }
    }

    @Test
    void buildsBeyondTheLimitWaitTheirTurnAndSaySo() throws Exception {
        try (var slipway = RunningSlipway.start(home, "process", Map.of("slipway.deployments.max-concurrent-builds", "1"))) {
            var api = slipway.api();
            api.createService("first");
            api.createService("second");
            var slow = AppRepository.fromExample("hello-python", work.resolve("first"))
                    .edit("apprunner.yaml", "- python3 -m compileall -q .", SLOW_BUILD);
            slow.commit("Slow build");
            CompletableFuture.runAsync(() -> slow.push(slipway.gitUrl("first"), RunningSlipway.TOKEN));
            awaitBuilding(slipway, "first", 1);

            var second = CompletableFuture.supplyAsync(() -> AppRepository.fromExample("hello-python",
                    work.resolve("second")).push(slipway.gitUrl("second"), RunningSlipway.TOKEN));
            await().atMost(Duration.ofSeconds(30)).until(() -> !api.deployments("second").isEmpty()
                    && logs(slipway, "second").contains("Waiting for a build slot"));
            assertThat(second).as("the second build waits while the first one builds").isNotDone();

            var first = api.latestDeployment("first").get("id").asString();
            api.post("/api/v1/services/first/deployments/" + first + "/cancel", Map.of());

            assertThat(second.get().accepted()).as(second.get().text()).isTrue();
            assertThat(second.get().text()).contains("Waiting for a build slot: 1 build(s) run already");
        }
    }

    @Test
    void aDeploymentLeftInProgressWithNothingRunningItIsEnded() {
        try (var slipway = RunningSlipway.start(home, "process")) {
            slipway.api().createService("lost");
            var jdbc = slipway.bean(JdbcClient.class);
            jdbc.sql("insert into deployments (id, service_id, number, trigger, status, started_at) select 'dlost', id, 1, "
                    + "'api', 'IN_PROGRESS', now() - interval '2 minutes' from services where name = 'lost'").update();

            slipway.bean(DeploymentExecution.class).endOrphans(Set.of(), DeploymentQueue.ORPHANED);

            var lost = slipway.api().latestDeployment("lost");
            assertThat(lost.get("status").asString()).isEqualTo("FAILED");
            assertThat(lost.get("reason").asString()).startsWith("Slipway lost track of this deployment");
            assertThat(slipway.api().service("lost").get("status").asString()).isEqualTo("CREATE_FAILED");
        }
    }

    private static void awaitBuilding(RunningSlipway slipway, String service, int number) {
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            var deployments = slipway.api().deployments(service);
            if (deployments.isEmpty()) {
                return false;
            }
            var latest = deployments.get(0);
            return latest.get("number").asInt() == number && "BUILDING".equals(latest.path("phase").asString(""));
        });
    }

    private static String logs(RunningSlipway slipway, String service) {
        var id = slipway.api().latestDeployment(service).get("id").asString();
        return slipway.api().get("/api/v1/services/" + service + "/deployments/" + id + "/logs").body();
    }
}
