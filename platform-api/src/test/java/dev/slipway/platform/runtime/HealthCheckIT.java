package dev.slipway.platform.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.build.image.Artifact;
import dev.slipway.build.image.RunSettings;
import dev.slipway.config.HealthCheckSettings;
import dev.slipway.config.HealthCheckSettings.Protocol;
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
        var instance = start("python3 app.py");

        var result = check(instance, new HealthCheckSettings(Protocol.HTTP, "/health", 1, 2, 2, 3, 0));

        assertThat(result).isEmpty();
    }

    @Test
    void httpCheckFailsWhenThePathAnswersAnError() throws Exception {
        var instance = start("python3 -m http.server \"$PORT\"");

        var result = check(instance, new HealthCheckSettings(Protocol.HTTP, "/health", 1, 2, 1, 2, 0));

        assertThat(result).hasValueSatisfying(reason -> assertThat(reason)
                .startsWith("2 consecutive HTTP checks failed (the last: GET /health answered 404)"));
    }

    @Test
    void failuresDuringTheGracePeriodDoNotCount() throws Exception {
        var slowStart = "sleep 2 && python3 app.py";

        var withoutGrace = check(start(slowStart), new HealthCheckSettings(Protocol.TCP, "/", 1, 1, 1, 1, 0));
        var withGrace = check(start(slowStart), new HealthCheckSettings(Protocol.TCP, "/", 1, 1, 1, 1, 10));

        assertThat(withoutGrace).hasValueSatisfying(reason -> assertThat(reason)
                .startsWith("the TCP check failed (the last: connecting to 127.0.0.1:")
                .contains("give a slow app a slipway.health-check.grace-period"));
        assertThat(withGrace).isEmpty();
    }

    @Test
    void anInstanceThatExitsFailsAtOnceWithItsOutput() throws Exception {
        var instance = start("echo 'cannot load model.pkl' >&2; exit 2");

        var result = check(instance, new HealthCheckSettings(Protocol.TCP, "/", 5, 2, 1, 5, 600));

        assertThat(result).hasValueSatisfying(reason -> assertThat(reason)
                .startsWith("the instance ended (exit 2) before it passed its health check")
                .endsWith("its last output:\ncannot load model.pkl"));
    }

    private Container start(String command) {
        if (runtime == null) {
            runtime = new ProcessContainerRuntime(processes, ProcessContainerRuntime.DEFAULT_STOP_GRACE, ContainerOutput.DISCARD);
        }
        var artifact = new Artifact(Artifact.Kind.DIRECTORY, Examples.directory("hello-python").toString(),
                new RunSettings(Optional.of(command), 8080, Optional.empty(), Map.of()));
        var instance = runtime.start(new ContainerSpec("health", "d-" + System.nanoTime(), "i" + System.nanoTime(), artifact));
        started.add(instance);
        return instance;
    }

    private Optional<String> check(Container instance, HealthCheckSettings settings) throws InterruptedException {
        return new HealthCheck(runtime).awaitHealthy(instance, settings);
    }
}
