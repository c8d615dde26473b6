package dev.slipway.platform.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.build.image.Artifact;
import dev.slipway.build.image.RunSettings;
import dev.slipway.config.HealthCheckSettings;
import dev.slipway.config.HealthCheckSettings.Protocol;
import dev.slipway.config.InstanceSettings;
import dev.slipway.platform.runtime.process.ProcessContainerRuntime;
import dev.slipway.platform.support.Examples;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The settings of {@code slipway.health-check} decide when a real starting app counts as healthy. */
class HealthCheckIT {

    @TempDir
    Path processes;

    private ProcessContainerRuntime runtime;
    private final List<Container> started = new ArrayList<>();

    @AfterEach
    void stopInstances() {
        started.forEach(instance -> runtime.stop(instance.id()));
        runtime.close();
    }

    @Test
    void httpCheckPassesWhenThePathAnswers2xx() throws Exception {
        var result = check("python3 app.py", new HealthCheckSettings(Protocol.HTTP, "/health", 1, 2, 2, 3, 0));

        assertThat(result).isEmpty();
    }

    @Test
    void httpCheckFailsWhenThePathAnswersAnError() throws Exception {
        var result = check("python3 -m http.server \"$PORT\"", new HealthCheckSettings(Protocol.HTTP, "/health", 1, 2, 1, 2, 0));

        assertThat(result).as("the app listens on its port: the check's own failure is the reason")
                .hasValueSatisfying(reason -> assertThat(reason)
                        .startsWith("2 consecutive HTTP checks failed (the last: GET /health answered 404)")
                        .doesNotContain("$PORT"));
    }

    @Test
    void failuresDuringTheGracePeriodDoNotCount() throws Exception {
        var slowStart = "sleep 2 && python3 app.py";

        var withoutGrace = check(slowStart, new HealthCheckSettings(Protocol.TCP, "/", 1, 1, 1, 1, 0));
        var withGrace = check(slowStart, new HealthCheckSettings(Protocol.TCP, "/", 1, 1, 1, 1, 10));

        assertThat(withoutGrace).hasValueSatisfying(reason -> assertThat(reason)
                .startsWith("no answer on port ")
                .contains("slipway.health-check.grace-period in apprunner.yaml (now 0 s, at most 3600)")
                .contains("The TCP check failed (the last: connecting to 127.0.0.1:"));
        assertThat(withGrace).isEmpty();
    }

    @Test
    void anInstanceThatExitsFailsAtOnceWithItsOutput() throws Exception {
        var result = check("echo 'cannot load model.pkl' >&2; exit 2", new HealthCheckSettings(Protocol.TCP, "/", 5, 2, 1, 5, 600));

        assertThat(result).hasValueSatisfying(reason -> assertThat(reason)
                .startsWith("the instance ended (exit 2) before it passed its health check")
                .endsWith("its last output:\ncannot load model.pkl"));
    }

    /** Starts the example app with {@code command} and waits for its health check with {@code settings}. */
    private Optional<String> check(String command, HealthCheckSettings settings) throws InterruptedException {
        if (runtime == null) {
            runtime = new ProcessContainerRuntime(processes, ProcessContainerRuntime.DEFAULT_STOP_GRACE, ContainerOutput.DISCARD);
        }
        var artifact = new Artifact(Artifact.Kind.DIRECTORY, Examples.directory("hello-python").toString(),
                new RunSettings(Optional.of(command), 8080, Optional.empty(), Map.of(), settings, InstanceSettings.defaults()));
        var instance = runtime.start(new ContainerSpec("health", "d-" + System.nanoTime(), "i" + System.nanoTime(), artifact));
        started.add(instance);
        return new HealthCheck(runtime).awaitHealthy(instance, artifact);
    }
}
