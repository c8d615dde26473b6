package dev.slipway.platform.support;

import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.slipway.build.image.docker.DockerClients;
import dev.slipway.build.image.docker.DockerImageBuilder;
import java.util.Collection;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/** For tests that need Docker: skips them with a reason when it is missing, and cleans up after them. */
public final class DockerSupport {

    /** The offline runtime image that {@code make runtimes} builds; tests build their apps on it. */
    public static final String PYTHON_RUNTIME_IMAGE = "slipway/runtime-python3:bookworm";

    private static volatile boolean announced;

    private DockerSupport() {
    }

    /** Skips the calling test unless a Docker daemon answers and has the python runtime image. */
    public static void assumeDockerWithPythonRuntime() {
        assumeDockerWithImages(PYTHON_RUNTIME_IMAGE);
    }

    /** Skips the calling test unless a Docker daemon answers and has every one of the images. */
    public static void assumeDockerWithImages(String... images) {
        if (!DockerClients.isAvailable()) {
            skip("No Docker daemon answers (DOCKER_HOST or /var/run/docker.sock); Docker tests are skipped");
        }
        try (var clients = DockerClients.connect()) {
            for (var image : images) {
                try {
                    clients.control().inspectImageCmd(image).exec();
                } catch (NotFoundException e) {
                    skip("Image " + image + " is missing; run `make runtimes` to build it");
                }
            }
        }
    }

    /** The Docker bridge's gateway address on the host: where build and app containers reach the host. */
    public static String bridgeGateway() {
        try (var clients = DockerClients.connect()) {
            return clients.control().inspectNetworkCmd().withNetworkId("bridge").exec()
                    .getIpam().getConfig().get(0).getGateway();
        }
    }

    private static void skip(String reason) {
        // The build's console shows only a count of skipped tests; say why, once.
        if (!announced) {
            announced = true;
            System.err.println("SKIPPED: " + reason);
        }
        Assumptions.abort(reason);
    }

    /**
     * Removes the containers of the given deployments, then every image and cache the given
     * services left behind (as deleting them would).
     */
    public static void removeServices(Collection<String> services, Collection<String> deploymentIds) {
        if (!DockerClients.isAvailable()) {
            return;
        }
        removeDeployments(deploymentIds);
        try (var clients = DockerClients.connect()) {
            var builder = new DockerImageBuilder(clients);
            var keepNothing = new java.util.HashMap<String, java.util.Set<String>>();
            services.forEach(s -> keepNothing.put(s, java.util.Set.of()));
            builder.collectGarbage(keepNothing, java.time.Duration.ZERO);
            services.forEach(builder::removeDependencyCache);
        }
    }

    /** Removes the containers and images of the given deployments. */
    public static void removeDeployments(Collection<String> deploymentIds) {
        if (deploymentIds.isEmpty() || !DockerClients.isAvailable()) {
            return;
        }
        try (var clients = DockerClients.connect()) {
            var docker = clients.control();
            for (var id : deploymentIds) {
                var label = Map.of("dev.slipway.deployment", id);
                for (var container : docker.listContainersCmd().withShowAll(true).withLabelFilter(label).exec()) {
                    try {
                        docker.removeContainerCmd(container.getId()).withForce(true).exec();
                    } catch (NotFoundException e) {
                        // Already gone.
                    }
                }
                for (var image : docker.listImagesCmd().withLabelFilter(label).exec()) {
                    try {
                        docker.removeImageCmd(image.getId()).withForce(true).exec();
                    } catch (NotFoundException | ConflictException e) {
                        // Gone already, or another image builds on it: garbage collection takes it.
                    }
                }
            }
        }
    }
}
