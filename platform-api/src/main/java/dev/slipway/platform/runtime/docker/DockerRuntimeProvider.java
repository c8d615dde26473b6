package dev.slipway.platform.runtime.docker;

import dev.slipway.build.image.docker.BuildLimits;
import dev.slipway.build.image.docker.DockerClients;
import dev.slipway.build.image.docker.DockerImageBuilder;
import dev.slipway.build.network.CompanyNetwork;
import dev.slipway.config.runtime.RuntimeCatalog;
import dev.slipway.platform.runtime.ContainerOutput;
import dev.slipway.platform.runtime.RuntimeProvider;
import java.time.Duration;

/** Builds images and runs them as containers on one Docker daemon. */
public final class DockerRuntimeProvider {

    private DockerRuntimeProvider() {
    }

    /**
     * @param installation this Slipway's id, so it only ever touches its own containers
     * @param network      the CA certificates, proxies and package mirrors builds and apps need
     */
    public static RuntimeProvider create(DockerClients clients, String installation, RuntimeCatalog catalog,
                                         Duration buildTimeout, ContainerOutput output, CompanyNetwork network) {
        var builder = new DockerImageBuilder(clients, catalog, BuildLimits.defaults().withTimeout(buildTimeout),
                network);
        var runtime = new DockerContainerRuntime(clients, installation, DockerContainerRuntime.DEFAULT_STOP_GRACE,
                output, network);
        return new RuntimeProvider(runtime.name(), builder, runtime, new DockerArtifactCollector(builder), clients);
    }
}
