package dev.slipway.platform.instance;

import dev.slipway.build.image.docker.DockerClients;
import dev.slipway.platform.support.DockerSupport;
import org.junit.jupiter.api.BeforeEach;

/** Instance supervision with apps run as Docker containers. */
class DockerInstanceSupervisionIT extends InstanceSupervisionScenario {

    @BeforeEach
    void needsDocker() {
        DockerSupport.assumeDockerWithPythonRuntime();
    }

    @Override
    void removeLeftovers(java.util.Set<String> deploymentIds) {
        DockerSupport.removeServices(java.util.List.of("pair", "steady", "crashy"), deploymentIds);
    }

    @Override
    String runtime() {
        return "docker";
    }

    @Override
    void killFromOutside(String container) {
        try (var clients = DockerClients.connect()) {
            clients.control().killContainerCmd(container).exec();
        }
    }
}
