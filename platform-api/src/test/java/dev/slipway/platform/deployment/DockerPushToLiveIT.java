package dev.slipway.platform.deployment;

import dev.slipway.platform.support.DockerSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The push-to-live path with images built and run by Docker. Containers outlive Slipway (a
 * restart adopts them), so the test removes what it made.
 */
class DockerPushToLiveIT extends PushToLiveScenario {

    @BeforeEach
    void needsDocker() {
        DockerSupport.assumeDockerWithPythonRuntime();
    }

    @AfterEach
    void removeContainersAndImages() {
        DockerSupport.removeServices(java.util.List.of("hello", "kept"), deploymentIds);
    }

    @Override
    String runtime() {
        return "docker";
    }
}
