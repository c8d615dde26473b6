package dev.slipway.platform.runtime;

/** Learns that a container ended without being asked to. Called from the runtime's own threads; must be quick. */
@FunctionalInterface
public interface ContainerExitListener {

    ContainerExitListener NONE = (container, state) -> { };

    void exited(Container container, ContainerState state);
}
