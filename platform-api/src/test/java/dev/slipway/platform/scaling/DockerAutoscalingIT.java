package dev.slipway.platform.scaling;

import dev.slipway.platform.support.DockerSupport;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;

/** Autoscaling with apps run as Docker containers. */
class DockerAutoscalingIT extends AutoscalingScenario {

    @BeforeEach
    void needsDocker() {
        DockerSupport.assumeDockerWithPythonRuntime();
    }

    @Override
    void removeLeftovers(Set<String> deploymentIds) {
        DockerSupport.removeServices(List.of("busy", "sleepy", "napping", "packed", "serial", "dormant", "chatty"), deploymentIds);
    }

    @Override
    String runtime() {
        return "docker";
    }
}
