package dev.slipway.platform.runtime.process;

import dev.slipway.build.image.ImageBuilder;
import dev.slipway.build.image.process.ProcessImageBuilder;
import dev.slipway.config.runtime.RuntimeCatalog;
import dev.slipway.platform.runtime.ArtifactCollector;
import dev.slipway.platform.runtime.ContainerOutput;
import dev.slipway.platform.runtime.ContainerRuntime;
import dev.slipway.platform.runtime.RuntimeProvider;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** Prepares app directories and runs them as local process groups, for machines without Docker. */
public final class ProcessRuntimeProvider implements RuntimeProvider {

    private final ProcessImageBuilder builder;
    private final ProcessContainerRuntime runtime;
    private final ProcessArtifactCollector collector;

    /**
     * @param builds      where app directories are prepared ({@code $SLIPWAY_HOME/builds})
     * @param processes   where the runtime keeps what it knows of its processes ({@code $SLIPWAY_HOME/processes})
     * @param environment what build commands see
     */
    public ProcessRuntimeProvider(Path builds, Path processes, RuntimeCatalog catalog, Duration buildTimeout,
                                  Map<String, String> environment, ContainerOutput output) {
        this.builder = new ProcessImageBuilder(builds, catalog, buildTimeout, environment);
        this.runtime = new ProcessContainerRuntime(processes, ProcessContainerRuntime.DEFAULT_STOP_GRACE, output);
        this.collector = new ProcessArtifactCollector(builder, builds);
    }

    @Override
    public String name() {
        return runtime.name();
    }

    @Override
    public ImageBuilder builder() {
        return builder;
    }

    @Override
    public ContainerRuntime runtime() {
        return runtime;
    }

    @Override
    public ArtifactCollector collector() {
        return collector;
    }

    @Override
    public void close() {
        runtime.close();
    }
}
