package dev.slipway.platform.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.slipway.platform.support.AppRepository;
import dev.slipway.platform.support.RunningSlipway;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Old deployments' artifacts are removed, except the last few successful ones, which keep
 * rollback instant; a deleted service leaves nothing behind.
 */
class ArtifactRetentionIT {

    @TempDir
    Path home;

    @TempDir
    Path work;

    @Test
    void keepsTheLastSuccessfulDeploymentsArtifactsAndRollsBackToThemWithoutABuild() throws Exception {
        try (var slipway = RunningSlipway.start(home, "process", Map.of("slipway.deployments.keep-artifacts", "2"))) {
            slipway.api().createService("kept");
            var app = AppRepository.fromExample("hello-python", work);
            for (var version = 1; version <= 4; version++) {
                if (version > 1) {
                    app.edit("app.py", "VERSION = \"" + (version - 1) + "\"", "VERSION = \"" + version + "\"")
                            .commit("Version " + version);
                }
                assertThat(app.push(slipway.gitUrl("kept"), RunningSlipway.TOKEN).accepted()).isTrue();
            }
            var deployments = slipway.api().deployments("kept");
            var newest = Set.of(deployments.get(0).get("id").asString(), deployments.get(1).get("id").asString());

            await().atMost(Duration.ofSeconds(30)).until(() -> buildDirectories("kept").equals(newest));

            var removed = slipway.api().post("/api/v1/services/kept/rollback",
                    Map.of("deploymentId", deployments.get(3).get("id").asString()));
            assertThat(removed.status()).as("a rollback to a deployment whose artifact was removed").isEqualTo(409);
            assertThat(removed.json().get("detail").asString()).contains("artifact was removed")
                    .contains("SLIPWAY_KEEP_ARTIFACTS");

            var rollback = slipway.api().post("/api/v1/services/kept/rollback", Map.of());
            assertThat(rollback.status()).isEqualTo(202);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(slipway.service("kept").get().body()).isEqualTo("Hello from Slipway! (version 3)\n"));
            assertThat(slipway.api().latestDeployment("kept").get("timings").has("BUILDING"))
                    .as("a rollback builds nothing").isFalse();

            var deleted = slipway.api().delete("/api/v1/services/kept");
            assertThat(deleted.status()).isEqualTo(200);
            assertThat(Files.exists(home.resolve("builds").resolve("kept"))).isFalse();
            try (var logs = Files.list(home.resolve("logs").resolve("deployments"))) {
                assertThat(logs).as("the deleted service's deployment logs").isEmpty();
            }
            assertThat(slipway.service("kept").get().status()).isEqualTo(404);
        }
    }

    private Set<String> buildDirectories(String service) throws IOException {
        try (var entries = Files.list(home.resolve("builds").resolve(service))) {
            return entries.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        }
    }
}
