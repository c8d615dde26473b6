package dev.slipway.platform.runtime.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.ContainerNetwork;
import dev.slipway.platform.runtime.ContainerState;
import java.util.Map;
import java.util.Optional;

/** Docker's view of a container in the runtime's terms: how it runs or ended, and where it listens. */
final class DockerStates {

    /** Why a container ended when Docker says the kernel killed it for using too much memory. */
    static final String OUT_OF_MEMORY = "killed, out of memory";
    /** Why a container ended that was removed before anyone saw it end. */
    static final String REMOVED = "removed from Docker";

    private DockerStates() {
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

    static String shortId(String id) {
        return id.length() > 12 ? id.substring(0, 12) : id;
    }
}
