package dev.slipway.platform.runtime;

import dev.slipway.build.image.Artifact;
import dev.slipway.build.image.BuildLog;
import dev.slipway.build.image.RunSettings;
import dev.slipway.build.image.docker.DockerClients;
import dev.slipway.build.image.docker.DockerImageBuilder;
import dev.slipway.build.plan.BuildPlanner;
import dev.slipway.build.source.FetchedSource;
import dev.slipway.platform.runtime.docker.DockerContainerRuntime;
import dev.slipway.platform.support.DockerSupport;
import dev.slipway.platform.support.Examples;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;

/** The runtime contract for containers, with the example app built into a real image. */
class DockerContainerRuntimeIT extends ContainerRuntimeContract {

    private static final String DEPLOYMENT = "d-contract-image";
    private static DockerClients clients;
    private static String imageId;

    @BeforeEach
    void needsDockerAndTheExampleImage() {
        DockerSupport.assumeDockerWithPythonRuntime();
        if (clients == null) {
            clients = DockerClients.connect();
            var plan = new BuildPlanner().plan("contract", DEPLOYMENT,
                    new FetchedSource("0".repeat(40), Examples.directory("hello-python")));
            imageId = new DockerImageBuilder(clients).build(plan, BuildLog.NULL).reference();
        }
    }

    @AfterAll
    static void removeImage() {
        if (clients != null) {
            DockerSupport.removeDeployments(List.of(DEPLOYMENT, "d-answers", "d-port-env", "d-exits", "d-listed",
                    "d-stopped"));
            clients.close();
        }
    }

    @Override
    ContainerRuntime runtime() {
        return new DockerContainerRuntime(clients.control(), DockerContainerRuntime.DEFAULT_STOP_GRACE);
    }

    @Override
    Artifact helloArtifact(String command) {
        return new Artifact(Artifact.Kind.IMAGE, imageId,
                new RunSettings(Optional.of(command), 8080, Optional.of("APP_PORT"), helloEnvironment()));
    }
}
