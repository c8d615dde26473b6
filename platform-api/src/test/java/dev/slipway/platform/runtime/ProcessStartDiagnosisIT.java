package dev.slipway.platform.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.build.image.Artifact;
import dev.slipway.build.image.RunSettings;
import dev.slipway.config.HealthCheckSettings;
import dev.slipway.config.InstanceSettings;
import dev.slipway.platform.runtime.process.ProcessContainerRuntime;
import dev.slipway.platform.system.FreePorts;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Start failures of apps run as local processes, which get a free port of their own in
 * {@code $PORT}; and what differs from containers: loopback is where Slipway connects.
 */
class ProcessStartDiagnosisIT extends StartDiagnosisScenario {

    @TempDir
    Path processes;

    @TempDir
    Path app;

    private ProcessContainerRuntime runtime;

    @AfterEach
    void closeRuntime() {
        if (runtime != null) {
            stopStarted();
            runtime.close();
        }
    }

    @Test
    void anAppBoundToLoopbackIsHealthy() throws Exception {
        var artifact = artifact("exec python3 -m http.server --bind 127.0.0.1 \"$PORT\"", AFTER_THREE_SECONDS);

        assertThat(check(start(artifact), artifact)).isEmpty();
    }

    @Override
    ContainerRuntime runtime() {
        if (runtime == null) {
            runtime = new ProcessContainerRuntime(processes, ProcessContainerRuntime.DEFAULT_STOP_GRACE,
                    ContainerOutput.DISCARD);
        }
        return runtime;
    }

    @Override
    Artifact artifact(String command, HealthCheckSettings settings) {
        return new Artifact(Artifact.Kind.DIRECTORY, app.toString(), new RunSettings(Optional.of(command), 8080,
                Optional.empty(), Map.of(), settings, InstanceSettings.defaults()));
    }

    @Override
    int otherPort() throws Exception {
        return FreePorts.onLoopback();
    }

    @Override
    String listensElsewhere(int otherPort, Container container) {
        return "the app listens on port " + otherPort + ", but it was given port " + port(container) + " in $PORT (the"
                + " process runtime gives each instance a free port in place of run.network.port); have the app listen"
                + " on $PORT";
    }

    @Override
    String reachableAddress() {
        return "127.0.0.1";
    }

    @Override
    String portNote() {
        return " \\(its \\$PORT\\)";
    }

    @Override
    String commandSource() {
        return "this host's PATH (" + System.getenv("PATH") + ")";
    }
}
