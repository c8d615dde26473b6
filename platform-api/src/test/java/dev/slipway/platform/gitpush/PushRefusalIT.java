package dev.slipway.platform.gitpush;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.platform.support.AppRepository;
import dev.slipway.platform.support.FastHealthCheck;
import dev.slipway.platform.support.RunningSlipway;
import java.nio.file.Path;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pushes that cannot deploy are refused with a reason the user can act on, and the version that
 * served before keeps serving.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PushRefusalIT {

    private static final String GOOD = "Hello from Slipway! (version 1)\n";

    @TempDir
    static Path home;

    @TempDir
    static Path work;

    private RunningSlipway slipway;
    private AppRepository app;

    @BeforeAll
    void deployAGoodVersion() {
        slipway = RunningSlipway.start(home, "process");
        slipway.api().createService("steady");
        app = AppRepository.fromExample("hello-python", work);
        var push = app.push(slipway.gitUrl("steady"), RunningSlipway.TOKEN);
        assertThat(push.accepted()).as(push.text()).isTrue();
    }

    @AfterAll
    void stop() {
        slipway.close();
    }

    @BeforeEach
    void servesTheGoodVersion() {
        assertThat(slipway.service("steady").get().body()).isEqualTo(GOOD);
    }

    @Test
    void pushWithNothingToBuildIsRefusedAndThePreviousVersionKeepsServing() {
        app.delete("apprunner.yaml").commit("Remove the config");
        var deployments = slipway.api().deployments("steady").size();

        var push = app.push(slipway.gitUrl("steady"), RunningSlipway.TOKEN);

        assertThat(push.status()).isEqualTo(RemoteRefUpdate.Status.REJECTED_OTHER_REASON);
        assertThat(push.text()).contains("Push refused")
                .contains("error: no apprunner.yaml, Dockerfile or Makefile");
        assertThat(slipway.service("steady").get().body()).isEqualTo(GOOD);
        assertThat(slipway.api().deployments("steady")).as("no deployment is attempted").hasSize(deployments);
        restoreConfig();
    }

    @Test
    void pushWithAnInvalidConfigIsRefusedWithLocatedProblems() {
        app.write("apprunner.yaml", """
                version: 1.0
                runtime: python3
                build:
                  commands:
                    build:
                      - echo building
                run:
                  network:
                    port: 80a
                """).commit("Break the config");

        var push = app.push(slipway.gitUrl("steady"), RunningSlipway.TOKEN);

        assertThat(push.status()).isEqualTo(RemoteRefUpdate.Status.REJECTED_OTHER_REASON);
        assertThat(push.output()).as(push.text())
                .anySatisfy(l -> assertThat(l).matches(".*apprunner\\.yaml:9:\\d+: error: run\\.network\\.port: .*"))
                .anySatisfy(l -> assertThat(l).matches(".*apprunner\\.yaml:\\d+:\\d+: error: run\\.command: .*"));
        assertThat(slipway.service("steady").get().body()).isEqualTo(GOOD);
        restoreConfig();
    }

    @Test
    void appThatNeverGetsHealthyFailsTheDeploymentAndThePreviousVersionKeepsServing() {
        app.edit("apprunner.yaml", "command: python3 app.py", "command: sleep 600")
                .write("apprunner.yaml", readConfig() + FastHealthCheck.YAML).commit("Never listen");

        var push = app.push(slipway.gitUrl("steady"), RunningSlipway.TOKEN);

        assertThat(push.status()).isEqualTo(RemoteRefUpdate.Status.REJECTED_OTHER_REASON);
        assertThat(push.text()).contains("FAILED; the previous version keeps serving");
        var failed = slipway.api().latestDeployment("steady");
        assertThat(failed.get("status").asString()).isEqualTo("FAILED");
        assertThat(failed.get("phase").asString()).isEqualTo("HEALTH_CHECKING");
        assertThat(failed.get("reason").asString())
                .startsWith("Health check failed: no answer on port ")
                .contains("of starting, and the app listens on no TCP port yet; a slow starter (one that downloads at"
                        + " start or loads a big model) can be given longer with slipway.health-check.grace-period in"
                        + " apprunner.yaml (now 0 s, at most 3600). 2 consecutive TCP checks failed (the last: connecting"
                        + " to 127.0.0.1:");
        var service = slipway.api().service("steady");
        assertThat(service.get("status").asString()).isEqualTo("RUNNING");
        assertThat(service.get("statusReason").asString()).contains("failed; deployment 1 still serves");
        assertThat(slipway.service("steady").get().body()).isEqualTo(GOOD);
        restoreConfig();
    }

    @Test
    void appListeningOnAnotherPortFailsSayingWhichPortItListensOn() throws Exception {
        var other = dev.slipway.platform.system.FreePorts.onLoopback();
        app.edit("apprunner.yaml", "command: python3 app.py", "command: PORT=" + other + " python3 app.py")
                .write("apprunner.yaml", readConfig() + FastHealthCheck.YAML).commit("Listen elsewhere");

        var push = app.push(slipway.gitUrl("steady"), RunningSlipway.TOKEN);

        assertThat(push.status()).isEqualTo(RemoteRefUpdate.Status.REJECTED_OTHER_REASON);
        assertThat(failedReason()).matches("(?s)Health check failed: the app listens on port " + other + ", but it was"
                + " given port \\d+ in \\$PORT \\(the process runtime gives each instance a free port in place of"
                + " run\\.network\\.port\\); have the app listen on \\$PORT\\. 2 consecutive TCP checks failed .*");
        assertThat(push.text()).contains("the app listens on port " + other);
        assertThat(slipway.service("steady").get().body()).isEqualTo(GOOD);
        restoreConfig();
    }

    @Test
    void startCommandThatIsNotInstalledFailsNamingIt() {
        app.edit("apprunner.yaml", "command: python3 app.py", "command: gunicorn app:app").commit("Gunicorn");

        var push = app.push(slipway.gitUrl("steady"), RunningSlipway.TOKEN);

        assertThat(push.status()).isEqualTo(RemoteRefUpdate.Status.REJECTED_OTHER_REASON);
        assertThat(failedReason()).startsWith("Health check failed: the start command `gunicorn app:app` exited with 127"
                + " (command not found): gunicorn is not in this host's PATH (")
                .endsWith("; install it in the build commands, or correct the start command; its last output:\n"
                        + "sh: 1: gunicorn: not found");
        assertThat(slipway.service("steady").get().body()).isEqualTo(GOOD);
        app.edit("apprunner.yaml", "command: gunicorn app:app", "command: python3 app.py").commit("Back to python3");
    }

    private String failedReason() {
        var failed = slipway.api().latestDeployment("steady");
        assertThat(failed.get("status").asString()).isEqualTo("FAILED");
        return failed.get("reason").asString();
    }

    @Test
    void appThatCrashesOnStartFailsWithItsOutputInTheReason() {
        app.edit("apprunner.yaml", "command: python3 app.py", "command: python3 -c 'raise SystemExit(\"no model file\")'")
                .commit("Crash");

        var push = app.push(slipway.gitUrl("steady"), RunningSlipway.TOKEN);

        assertThat(push.status()).isEqualTo(RemoteRefUpdate.Status.REJECTED_OTHER_REASON);
        var failed = slipway.api().latestDeployment("steady");
        assertThat(failed.get("reason").asString()).contains("exit 1").contains("no model file");
        assertThat(push.text()).contains("no model file");
        assertThat(slipway.service("steady").get().body()).isEqualTo(GOOD);
        app.edit("apprunner.yaml", "command: python3 -c 'raise SystemExit(\"no model file\")'", "command: python3 app.py")
                .commit("Listen again");
    }

    private String readConfig() {
        try {
            return java.nio.file.Files.readString(work.resolve("apprunner.yaml"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void restoreConfig() {
        try {
            java.nio.file.Files.copy(dev.slipway.platform.support.Examples.directory("hello-python").resolve("apprunner.yaml"),
                    work.resolve("apprunner.yaml"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        app.commit("Restore the config");
    }
}
