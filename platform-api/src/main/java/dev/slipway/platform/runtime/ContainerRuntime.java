package dev.slipway.platform.runtime;

import java.util.List;

/**
 * Runs app instances: containers, or local processes. Implementations are thread-safe. Each
 * instance is labelled with its service and deployment so a restarted Slipway can find (adopt)
 * the instances that are still running.
 */
public interface ContainerRuntime extends AutoCloseable {

    /** A short name for logs and the API: {@code docker} or {@code process}. */
    String name();

    /**
     * Starts an instance and returns as soon as it was started, without waiting for the app to
     * listen: health checks decide when it is ready.
     *
     * @throws InstanceStartException when the instance cannot be started at all
     */
    Instance start(InstanceSpec spec);

    /** Whether the instance still runs, and how it ended if not. */
    InstanceState state(String instanceId);

    /** The instance's last output lines (stdout and stderr), oldest first. */
    List<String> logTail(String instanceId, int lines);

    /**
     * Stops an instance: a polite signal first, then a kill after a grace period. Blocks until it
     * stopped. Stopping an instance that is already gone does nothing.
     */
    void stop(String instanceId);

    /** The instances this runtime runs for Slipway, including ones started before a restart. */
    List<Instance> list();

    /**
     * Called when Slipway stops. Instances that cannot outlive Slipway (local processes) are
     * stopped; containers keep serving and are adopted on the next start.
     */
    @Override
    default void close() {
    }
}
