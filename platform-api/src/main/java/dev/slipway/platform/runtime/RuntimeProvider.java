package dev.slipway.platform.runtime;

import dev.slipway.build.image.ImageBuilder;

/**
 * How this Slipway builds and runs apps: a builder, the runtime that runs what it builds, and the
 * collector that removes what it built, made together so they always match.
 */
public interface RuntimeProvider extends AutoCloseable {

    /** {@code docker} or {@code process}. */
    String name();

    ImageBuilder builder();

    ContainerRuntime runtime();

    ArtifactCollector collector();

    /** Stops watching containers; they keep running. */
    @Override
    void close();
}
