package dev.slipway.platform.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.slipway.platform.runtime.ContainerRuntime;
import dev.slipway.platform.support.AppRepository;
import dev.slipway.platform.support.RunningSlipway;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A deployment can be cancelled until it moves traffic; what served before keeps serving. */
class CancelDeploymentIT {

    @TempDir
    Path home;

    @TempDir
    Path work;

    @Test
    void cancellingALongBuildStopsItAndThePreviousVersionKeepsServing() throws Exception {
        try (var slipway = RunningSlipway.start(home, "process")) {
            slipway.api().createService("slow");
            var app = AppRepository.fromExample("hello-python", work);
            assertThat(app.push(slipway.gitUrl("slow"), RunningSlipway.TOKEN).accepted()).isTrue();
            app.edit("apprunner.yaml", "- python3 -m compileall -q .", "- echo building for a long time\n      - sleep 600")
                    .commit("Slow build");
            var push = CompletableFuture.supplyAsync(() -> app.push(slipway.gitUrl("slow"), RunningSlipway.TOKEN));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                var latest = slipway.api().latestDeployment("slow");
                return latest.get("number").asInt() == 2 && "BUILDING".equals(latest.path("phase").asString(""));
            });
            var id = slipway.api().latestDeployment("slow").get("id").asString();

            var answer = slipway.api().post("/api/v1/services/slow/deployments/" + id + "/cancel", Map.of());

            assertThat(answer.status()).isEqualTo(202);
            var outcome = push.get();
            assertThat(outcome.status()).isEqualTo(RemoteRefUpdate.Status.REJECTED_OTHER_REASON);
            var cancelled = slipway.api().latestDeployment("slow");
            assertThat(cancelled.get("status").asString()).isEqualTo("FAILED");
            assertThat(cancelled.get("reason").asString()).startsWith("Cancelled on request.");
            assertThat(slipway.service("slow").get().body()).isEqualTo("Hello from Slipway! (version 1)\n");
            assertThat(ProcessHandle.allProcesses().filter(p -> p.info().commandLine().orElse("").contains("sleep 600")))
                    .as("the build's processes are gone").isEmpty();
            assertThat(slipway.bean(ContainerRuntime.class).list()).hasSize(1);
        }
    }

    @Test
    void aDeploymentThatEndedCannotBeCancelled() {
        try (var slipway = RunningSlipway.start(home, "process")) {
            slipway.api().createService("done");
            var app = AppRepository.fromExample("hello-python", work);
            assertThat(app.push(slipway.gitUrl("done"), RunningSlipway.TOKEN).accepted()).isTrue();
            var id = slipway.api().latestDeployment("done").get("id").asString();

            var answer = slipway.api().post("/api/v1/services/done/deployments/" + id + "/cancel", Map.of());

            assertThat(answer.status()).isEqualTo(409);
            assertThat(answer.json().get("detail").asString())
                    .isEqualTo("Deployment " + id + " cannot be cancelled: it already ended SUCCEEDED.");
        }
    }
}
