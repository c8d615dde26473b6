package dev.slipway.platform.runtime.docker;

import dev.slipway.build.image.ImageBuilder;
import dev.slipway.build.image.docker.BuildLimits;
import dev.slipway.build.image.docker.DockerClients;
import dev.slipway.build.image.docker.DockerImageBuilder;
import dev.slipway.config.runtime.RuntimeCatalog;
import dev.slipway.platform.runtime.ArtifactCollector;
import dev.slipway.platform.runtime.ContainerOutput;
import dev.slipway.platform.runtime.ContainerRuntime;
import dev.slipway.platform.runtime.RuntimeProvider;
import java.time.Duration;

/** Builds images and runs them as containers on one Docker daemon. */
public final class DockerRuntimeProvider implements RuntimeProvider {

    private final DockerClients clients;
    private final DockerImageBuilder builder;
    private final DockerContainerRuntime runtime;
    private final DockerArtifactCollector collector;

    /** @param installation this Slipway's id, so it only ever touches its own containers */
    public DockerRuntimeProvider(DockerClients clients, String installation, RuntimeCatalog catalog,
                                 Duration buildTimeout, ContainerOutput output) {
        this.clients = clients;
        this.builder = new DockerImageBuilder(clients, catalog, BuildLimits.defaults().withTimeout(buildTimeout));
        this.runtime = new DockerContainerRuntime(clients, installation, DockerContainerRuntime.DEFAULT_STOP_GRACE,
                output);
        this.collector = new DockerArtifactCollector(builder);
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
        clients.close();
    }
}
