package dev.slipway.platform.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.build.image.Artifact;
import dev.slipway.build.image.BuildLog;
import dev.slipway.build.image.RunSettings;
import dev.slipway.build.image.docker.DockerClients;
import dev.slipway.build.image.docker.DockerImageBuilder;
import dev.slipway.build.plan.BuildPlanner;
import dev.slipway.build.source.FetchedSource;
import dev.slipway.config.HealthCheckSettings;
import dev.slipway.config.InstanceSettings;
import dev.slipway.platform.runtime.docker.DockerContainerRuntime;
import dev.slipway.platform.support.DockerSupport;
import dev.slipway.platform.support.Examples;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

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
            DockerSupport.removeServices(List.of("contract"), List.of(DEPLOYMENT, "d-answers", "d-port-env", "d-exits",
                    "d-listed", "d-stopped", "d-limits"));
            clients.close();
        }
    }

    /** Slipway stops: this test's runtime stops watching; what the test started is stopped after. */
    @AfterEach
    void closeRuntime() {
        if (runtime != null) {
            runtime.close();
        }
    }

    @Test
    void appliesTheInstanceSizeAsDockerLimits() {
        var settings = new RunSettings(Optional.of("python3 app.py"), 8080, Optional.empty(), helloEnvironment(),
                HealthCheckSettings.defaults(), new InstanceSettings(500, 1024));
        var instance = runtime().start(new ContainerSpec("contract", "d-limits", "i-limits",
                new Artifact(Artifact.Kind.IMAGE, imageId, settings)));
        try {
            var host = clients.control().inspectContainerCmd(instance.id()).exec().getHostConfig();
            assertThat(host.getMemory()).isEqualTo(1024L * 1024 * 1024);
            assertThat(host.getMemorySwap()).as("no swap beyond the memory limit").isEqualTo(1024L * 1024 * 1024);
            assertThat(host.getNanoCPUs()).isEqualTo(500_000_000L);
        } finally {
            runtime().stop(instance.id());
        }
    }

    private DockerContainerRuntime runtime;

    @Override
    ContainerRuntime runtime() {
        if (runtime == null) {
            runtime = new DockerContainerRuntime(clients, DockerContainerRuntime.DEFAULT_STOP_GRACE, output);
            runtime.watchExits(exits);
        }
        return runtime;
    }

    @Override
    ContainerRuntime restartedRuntime(ContainerExitListener exits, ContainerOutput output) {
        var restarted = new DockerContainerRuntime(clients, DockerContainerRuntime.DEFAULT_STOP_GRACE, output);
        restarted.watchExits(exits);
        return restarted;
    }

    @Override
    void killFromOutside(Container container) {
        clients.control().killContainerCmd(container.id()).exec();
    }

    @Override
    Artifact helloArtifact(String command) {
        return new Artifact(Artifact.Kind.IMAGE, imageId,
                new RunSettings(Optional.of(command), 8080, Optional.of("APP_PORT"), helloEnvironment()));
    }
}
