package dev.slipway.platform.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.build.image.Artifact;
import dev.slipway.build.image.RunSettings;
import dev.slipway.build.image.docker.DockerClients;
import dev.slipway.config.HealthCheckSettings;
import dev.slipway.config.InstanceSettings;
import dev.slipway.platform.runtime.docker.DockerContainerRuntime;
import dev.slipway.platform.support.DockerSupport;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Start failures of apps in containers of the offline Python image, with {@code run.network.port}
 * left at App Runner's default; and what only containers have: an app bound to 127.0.0.1.
 */
class DockerStartDiagnosisIT extends StartDiagnosisScenario {

    private static DockerClients clients;
    private DockerContainerRuntime runtime;

    @BeforeEach
    void needsDocker() {
        DockerSupport.assumeDockerWithPythonRuntime();
        if (clients == null) {
            clients = DockerClients.connect();
        }
    }

    @AfterEach
    void closeRuntime() {
        if (runtime != null) {
            stopStarted();
            runtime.close();
        }
    }

    @AfterAll
    static void closeClients() {
        if (clients != null) {
            clients.close();
        }
    }

    @Test
    void anAppBoundToLoopbackOnlyIsToldToBindToEveryAddress() throws Exception {
        var artifact = artifact("exec python3 -m http.server --bind 127.0.0.1 \"$PORT\"", AFTER_THREE_SECONDS);
        var container = start(artifact);

        var reason = check(container, artifact);

        assertThat(reason).hasValueSatisfying(r -> assertThat(r).startsWith("the app listens on 127.0.0.1:8080 only,"
                + " so nothing outside its container can reach it; bind to 0.0.0.0 (e.g. app.run(host=\"0.0.0.0\")"
                + " or --host 0.0.0.0). The TCP check failed"));
    }

    @Override
    ContainerRuntime runtime() {
        if (runtime == null) {
            runtime = new DockerContainerRuntime(clients, DockerContainerRuntime.DEFAULT_STOP_GRACE, ContainerOutput.DISCARD);
        }
        return runtime;
    }

    @Override
    Artifact artifact(String command, HealthCheckSettings settings) {
        return new Artifact(Artifact.Kind.IMAGE, DockerSupport.PYTHON_RUNTIME_IMAGE, new RunSettings(Optional.of(command),
                8080, Optional.empty(), Map.of(), settings, InstanceSettings.defaults()));
    }

    @Override
    int otherPort() {
        return 3000;
    }

    @Override
    String listensElsewhere(int otherPort, Container container) {
        return "the app listens on port 3000, but run.network.port is 8080 (App Runner's default when apprunner.yaml"
                + " sets no port); set port: 3000 under run.network in apprunner.yaml, or have the app listen on $PORT";
    }

    @Override
    String reachableAddress() {
        return "0.0.0.0";
    }

    @Override
    String portNote() {
        return "";
    }

    @Override
    String commandSource() {
        return "the image " + DockerSupport.PYTHON_RUNTIME_IMAGE;
    }
}
