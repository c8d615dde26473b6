package dev.slipway.platform.instance;

import dev.slipway.platform.support.DockerSupport;
import org.junit.jupiter.api.BeforeEach;

/** Control plane and router crashes with apps run as Docker containers. */
class DockerControlPlaneRestartIT extends ControlPlaneRestartScenario {

    @BeforeEach
    void needsDocker() {
        DockerSupport.assumeDockerWithPythonRuntime();
    }

    @Override
    void removeLeftovers(java.util.Set<String> deploymentIds) {
        DockerSupport.removeServices(java.util.List.of("steady"), deploymentIds);
    }

    @Override
    String runtime() {
        return "docker";
    }
}
