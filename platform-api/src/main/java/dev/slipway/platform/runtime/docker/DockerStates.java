package dev.slipway.platform.runtime.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.ContainerNetwork;
import dev.slipway.config.NetworkSection;
import dev.slipway.platform.runtime.Container;
import dev.slipway.platform.runtime.ContainerState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Docker's view of Slipway's containers in the runtime's terms: which run, where they listen, how they ended. */
final class DockerStates {

    /**
     * The address of a container that has none because it ended at once: it refuses connections,
     * and the health check reports the end from the container's state.
     */
    static final String NO_ADDRESS = "127.0.0.1:0";
    /** Why a container ended when Docker says the kernel killed it for using too much memory. */
    static final String OUT_OF_MEMORY = "killed, out of memory";
    /** Why a container ended that was removed before anyone saw it end. */
    static final String REMOVED = "removed from Docker";

    private DockerStates() {
    }

    /** The running containers this installation of Slipway started, with {@link #NO_ADDRESS} for any without an address. */
    static List<Container> running(DockerClient docker, String installation) {
        var containers = docker.listContainersCmd()
                .withLabelFilter(Map.of(DockerContainerRuntime.LABEL_MANAGED, "true")).exec();
        var running = new ArrayList<Container>();
        for (var container : containers) {
            var labels = container.getLabels();
            if (!DockerContainerRuntime.ours(labels, installation)) {
                continue;
            }
            var networks = container.getNetworkSettings() == null ? null : container.getNetworkSettings().getNetworks();
            running.add(new Container(container.getId(), labels.get(DockerContainerRuntime.LABEL_SERVICE),
                    labels.get(DockerContainerRuntime.LABEL_DEPLOYMENT), labels.get(DockerContainerRuntime.LABEL_INSTANCE),
                    address(networks, port(labels.get(ContainerSettings.LABEL_PORT))).orElse(NO_ADDRESS)));
        }
        return running;
    }

    /** How the container is now; {@link ContainerState#GONE} when Docker does not know it (any more). */
    static ContainerState current(DockerClient docker, String containerId) {
        try {
            return of(docker.inspectContainerCmd(containerId).exec().getState());
        } catch (NotFoundException e) {
            return ContainerState.GONE;
        }
    }

    static ContainerState of(InspectContainerResponse.ContainerState state) {
        if (Boolean.TRUE.equals(state.getRunning())) {
            return ContainerState.RUNNING;
        }
        var exit = state.getExitCodeLong();
        if (exit == null) {
            return ContainerState.GONE;
        }
        return ended(exit.intValue(), Boolean.TRUE.equals(state.getOOMKilled()));
    }

    static ContainerState ended(int exitCode, boolean oomKilled) {
        return oomKilled ? ContainerState.exited(exitCode, OUT_OF_MEMORY) : ContainerState.exited(exitCode);
    }

    /** {@code ip:port} on the first network that gave the container an address. */
    static Optional<String> address(Map<String, ContainerNetwork> networks, int port) {
        if (networks == null) {
            return Optional.empty();
        }
        return networks.values().stream()
                .map(ContainerNetwork::getIpAddress)
                .filter(ip -> ip != null && !ip.isEmpty())
                .findFirst()
                .map(ip -> ip + ":" + port);
    }

    private static int port(String label) {
        try {
            return label == null ? NetworkSection.DEFAULT_PORT : Integer.parseInt(label);
        } catch (NumberFormatException e) {
            return NetworkSection.DEFAULT_PORT;
        }
    }

    static String shortId(String id) {
        return id.length() > 12 ? id.substring(0, 12) : id;
    }
}
