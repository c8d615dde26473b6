package dev.slipway.platform.runtime;

import dev.slipway.build.image.ImageBuilder;
import java.util.Objects;

/**
 * How this Slipway builds and runs apps: a builder, the runtime that runs what it builds, and the
 * collector that removes what it built, made together (by {@code DockerRuntimeProvider} or
 * {@code ProcessRuntimeProvider}) so they always match.
 *
 * @param name      {@code docker} or {@code process}
 * @param resources what else to close with the runtime (e.g. the Docker clients)
 */
public record RuntimeProvider(String name, ImageBuilder builder, ContainerRuntime runtime, ArtifactCollector collector,
                              AutoCloseable resources) implements AutoCloseable {

    public RuntimeProvider {
        Objects.requireNonNull(builder, "builder");
        Objects.requireNonNull(runtime, "runtime");
        Objects.requireNonNull(collector, "collector");
        Objects.requireNonNull(resources, "resources");
    }

    /** Stops watching containers (they keep running), then closes the resources. */
    @Override
    public void close() throws Exception {
        try {
            runtime.close();
        } finally {
            resources.close();
        }
    }
}
