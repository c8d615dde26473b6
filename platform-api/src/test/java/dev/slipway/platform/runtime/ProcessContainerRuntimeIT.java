package dev.slipway.platform.runtime;

import dev.slipway.build.image.Artifact;
import dev.slipway.build.image.RunSettings;
import dev.slipway.platform.runtime.process.ProcessContainerRuntime;
import dev.slipway.platform.support.Examples;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** The runtime contract for apps run as local processes. */
class ProcessContainerRuntimeIT extends ContainerRuntimeContract {

    @TempDir
    Path logs;

    private ProcessContainerRuntime runtime;

    @Override
    ContainerRuntime runtime() {
        if (runtime == null) {
            runtime = new ProcessContainerRuntime(logs, ProcessContainerRuntime.DEFAULT_STOP_GRACE, output);
            runtime.watchExits(exits);
        }
        return runtime;
    }

    @Override
    ContainerRuntime restartedRuntime(ContainerExitListener exits, ContainerOutput output) {
        var restarted = new ProcessContainerRuntime(logs, ProcessContainerRuntime.DEFAULT_STOP_GRACE, output);
        restarted.watchExits(exits);
        return restarted;
    }

    @Override
    void killFromOutside(Container container) throws Exception {
        // Without "--", procps kill reads "-<pgid>" as "-1" and kills every process it may signal.
        new ProcessBuilder("kill", "-KILL", "--", "-" + container.id()).inheritIO().start().waitFor();
    }

    @Override
    Artifact helloArtifact(String command) {
        return new Artifact(Artifact.Kind.DIRECTORY, Examples.directory("hello-python").toString(),
                new RunSettings(Optional.of(command), 8080, Optional.of("APP_PORT"), helloEnvironment()));
    }

    @AfterEach
    void close() {
        runtime.close();
    }
}
