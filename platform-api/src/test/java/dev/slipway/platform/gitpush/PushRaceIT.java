package dev.slipway.platform.gitpush;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.slipway.platform.support.AppRepository;
import dev.slipway.platform.support.RunningSlipway;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two teammates push different commits to the same service at once: the second push, queued
 * behind the first one's deployment, is refused once the first moved the branch, so the deploy
 * branch ends at the commit that runs, and the push that lost is told to fetch and push again
 * rather than silently overwritten or left half deployed.
 */
class PushRaceIT {

    @TempDir
    Path home;

    @TempDir
    Path work;

    @Test
    void racingPushesEndWithTheBranchAtTheVersionThatRuns() throws Exception {
        try (var slipway = RunningSlipway.start(home, "process")) {
            var api = slipway.api();
            api.createService("race");
            var alice = AppRepository.fromExample("hello-python", work.resolve("alice"));
            assertThat(alice.push(slipway.gitUrl("race"), RunningSlipway.TOKEN).accepted()).isTrue();
            var bob = alice.cloneInto(work.resolve("bob"));
            var aliceCommit = alice.edit("app.py", "VERSION = \"1\"", "VERSION = \"alice\"")
                    .edit("apprunner.yaml", "- python3 -m compileall -q .", "- python3 -m compileall -q .\n      - sleep 3")
                    .commit("Alice's version, slow to build");
            var bobCommit = bob.edit("app.py", "VERSION = \"1\"", "VERSION = \"bob\"").commit("Bob's version");

            var alicePush = CompletableFuture.supplyAsync(() -> alice.push(slipway.gitUrl("race"), RunningSlipway.TOKEN));
            await().atMost(Duration.ofSeconds(30)).until(() -> api.deployments("race").size() == 2
                    && api.latestDeployment("race").get("status").asString().equals("IN_PROGRESS"));
            var bobPush = bob.push(slipway.gitUrl("race"), RunningSlipway.TOKEN);

            assertThat(alicePush.get().accepted()).as(alicePush.get().text()).isTrue();
            assertThat(bobPush.status()).isEqualTo(RemoteRefUpdate.Status.REJECTED_OTHER_REASON);
            assertThat(bobPush.text()).contains("moved to " + aliceCommit.substring(0, 12))
                    .contains("fetch, merge and push again");
            var branch = slipway.bean(GitRepositories.class).head("race", "main").orElseThrow();
            var active = api.service("race").get("activeDeploymentId").asString();
            var running = api.deployments("race").stream().filter(d -> d.get("id").asString().equals(active))
                    .findFirst().orElseThrow();
            assertThat(branch).as("the deploy branch").isEqualTo(aliceCommit).isNotEqualTo(bobCommit);
            assertThat(running.get("commit").asString()).as("the commit that runs").isEqualTo(branch);
            assertThat(slipway.service("race").get().body()).isEqualTo("Hello from Slipway! (version alice)\n");
        }
    }
}
