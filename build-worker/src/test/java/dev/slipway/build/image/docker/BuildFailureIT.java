package dev.slipway.build.image.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.slipway.build.RecordingLog;
import dev.slipway.build.RecordingLog.Entry;
import dev.slipway.build.TestConfigs;
import dev.slipway.build.image.BuildCancelledException;
import dev.slipway.build.image.BuildFailedException;
import dev.slipway.build.image.BuildLog.Stream;
import dev.slipway.build.image.docker.BuildReport.Stage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Failing, timed-out and cancelled builds: the failure names what failed, and no build container
 * is left behind.
 */
class BuildFailureIT extends DockerBuildTestSupport {

    @Test
    void aFailingCommandGivesItsPhaseCommandExitCodeAndLastLines() {
        // The daemon copies stdout and stderr separately, so lines of the two streams may arrive in either
        // order; the tail asserted on is all on stderr.
        var command = "echo started; for i in $(seq 1 30); do echo line-$i >&2; done; exit 3";
        var log = new RecordingLog();

        assertThatThrownBy(() -> builder().build(plan(TestConfigs.HELLO_PYTHON, TestConfigs.buildingWith(command),
                "d1"), log))
                .isInstanceOf(BuildFailedException.class)
                .hasMessageStartingWith("build command `" + command + "` failed with exit code 3\n")
                .hasMessageContaining("last 20 lines of output:")
                .hasMessageContaining("  line-30")
                .hasMessageContaining("  line-12\n")
                .hasMessageNotContaining("line-10\n");
        assertThat(log.entries()).contains(new Entry("build", Stream.STDOUT, "started"),
                new Entry("build", Stream.STDERR, "line-30"));
        assertThat(buildContainers()).isEmpty();
    }

    @Test
    void aFailingPreBuildCommandNamesItsPhase() {
        var config = TestConfigs.python(TestConfigs.build(List.of("false"), List.of("true"), List.of(), List.of()),
                List.of(), List.of());

        assertThatThrownBy(() -> builder().build(plan(TestConfigs.HELLO_PYTHON, config, "d1"), new RecordingLog()))
                .isInstanceOf(BuildFailedException.class)
                .hasMessageStartingWith("pre-build command `false` failed with exit code 1\n")
                .hasMessageContaining("(the command printed nothing)");
    }

    @Test
    void theTimeoutKillsAndRemovesTheBuildContainer() {
        var builder = new DockerImageBuilder(clients, catalog(), Duration.ofSeconds(6));
        var log = new RecordingLog();
        var started = Instant.now();

        assertThatThrownBy(() -> builder.build(plan(TestConfigs.HELLO_PYTHON,
                TestConfigs.buildingWith("echo sleeping; sleep 120"), "d1"), log))
                .isInstanceOf(BuildFailedException.class)
                .isNotInstanceOf(BuildCancelledException.class)
                .hasMessageContaining("build timed out after 6s while running build command `echo sleeping; sleep 120`")
                .hasMessageContaining("sleeping");

        assertThat(Duration.between(started, Instant.now())).isLessThan(Duration.ofSeconds(30));
        assertThat(buildContainers()).isEmpty();
    }

    @Test
    void interruptingTheBuildingThreadCancelsItAndRemovesTheBuildContainer() throws Exception {
        var log = new RecordingLog();
        var failure = new AtomicReference<Throwable>();
        var thread = new Thread(() -> {
            try {
                builder().build(plan(TestConfigs.HELLO_PYTHON, TestConfigs.buildingWith("echo sleeping; sleep 120"),
                        "d1"), log);
            } catch (Throwable e) {
                failure.set(e);
            }
        });
        thread.start();
        await().atMost(Duration.ofSeconds(60)).until(() -> log.texts().contains("sleeping"));
        assertThat(buildContainers()).hasSize(1);
        var interrupted = Instant.now();

        thread.interrupt();
        thread.join(30_000);

        assertThat(thread.isAlive()).isFalse();
        assertThat(Duration.between(interrupted, Instant.now())).isLessThan(Duration.ofSeconds(10));
        assertThat(failure.get()).isInstanceOf(BuildCancelledException.class)
                .hasMessageContaining("echo sleeping; sleep 120");
        assertThat(buildContainers()).isEmpty();
    }

    @Test
    void aFailingPostBuildFailsTheBuildAndIsNotCachedAsPassed() {
        var config = TestConfigs.python(TestConfigs.build(List.of(), List.of("true"), List.of("echo checking; exit 4"),
                List.of()), List.of(), List.of());

        for (var deployment : List.of("d1", "d2")) {
            var log = new RecordingLog();
            assertThatThrownBy(() -> builder().build(plan(TestConfigs.HELLO_PYTHON, config, deployment), log))
                    .isInstanceOf(BuildFailedException.class)
                    .hasMessageStartingWith("post-build command `echo checking; exit 4` failed with exit code 4");
            assertThat(log.texts()).as(deployment).contains("checking");
        }
        assertThat(buildContainers()).isEmpty();
    }

    @Test
    void whatPostBuildChangesIsNotShipped() {
        var config = TestConfigs.python(TestConfigs.build(List.of(), List.of("touch built-here"),
                List.of("touch post-build-was-here"), List.of()), List.of(), List.of());

        var result = builder().buildWithReport(plan(TestConfigs.HELLO_PYTHON, config, "d1"), new RecordingLog());

        assertThat(result.report().step(Stage.POST_BUILD)).isPresent();
        var check = run(result.artifact().reference(), "sh", "-c", "test -e built-here && test ! -e post-build-was-here");
        assertThat(check.exitCode()).isZero();
    }
}
