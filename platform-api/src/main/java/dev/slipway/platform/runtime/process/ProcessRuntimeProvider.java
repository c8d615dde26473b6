package dev.slipway.platform.runtime.process;

import dev.slipway.build.image.process.ProcessImageBuilder;
import dev.slipway.build.network.CompanyNetwork;
import dev.slipway.config.runtime.RuntimeCatalog;
import dev.slipway.platform.runtime.ContainerOutput;
import dev.slipway.platform.runtime.RuntimeProvider;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** Prepares app directories and runs them as local process groups, for machines without Docker. */
public final class ProcessRuntimeProvider {

    private ProcessRuntimeProvider() {
    }

    /**
     * @param builds      where app directories are prepared ({@code $SLIPWAY_HOME/builds})
     * @param processes   where the runtime keeps what it knows of its processes ({@code $SLIPWAY_HOME/processes})
     * @param environment what build commands see
     * @param network     the CA certificates, proxies and package mirrors builds and apps need
     */
    public static RuntimeProvider create(Path builds, Path processes, RuntimeCatalog catalog, Duration buildTimeout,
                                         Map<String, String> environment, ContainerOutput output,
                                         CompanyNetwork network) {
        var builder = new ProcessImageBuilder(builds, catalog, buildTimeout, environment, network);
        var runtime = new ProcessContainerRuntime(processes, ProcessContainerRuntime.DEFAULT_STOP_GRACE, output,
                network);
        return new RuntimeProvider(runtime.name(), builder, runtime, new ProcessArtifactCollector(builder, builds),
                () -> { });
    }
}
