package dev.slipway.platform.runtime;

import java.util.List;
import java.util.Optional;

/**
 * Runs app containers: Docker containers, or local process groups. Implementations are
 * thread-safe. Each container is labelled with its service, deployment and instance, and outlives
 * Slipway: a restarted Slipway finds (adopts) the containers that still run, and the runtime goes
 * on reporting their exits and copying their output.
 */
public interface ContainerRuntime extends AutoCloseable {

    /** A short name for logs and the API: {@code docker} or {@code process}. */
    String name();

    /**
     * Starts a container and returns as soon as it was started, without waiting for the app to
     * listen: health checks decide when it is ready. Its output goes to the runtime's
     * {@link ContainerOutput} from then on.
     *
     * @throws ContainerStartException when the container cannot be started at all
     */
    Container start(ContainerSpec spec);

    /** Whether the container still runs, and how it ended if not. */
    ContainerState state(String containerId);

    /** The container's last output lines (stdout and stderr), oldest first; none once it was removed. */
    List<String> logTail(String containerId, int lines);

    /**
     * The TCP sockets the app in the container listens on, so a failed health check can say what
     * it listens on instead. Empty when the runtime cannot tell: the container ended, or its
     * sockets cannot be read.
     */
    Optional<List<ListeningSocket>> listeningSockets(String containerId);

    /**
     * Where the container's start command is looked up, for messages about a command it does not
     * find: {@code the image slipway/hello:d-1a2b} or {@code this host's PATH (/usr/bin:/bin)}.
     */
    String commandSource(String containerId);

    /**
     * Stops a container: a polite signal first, then a kill after a grace period. Blocks until it
     * stopped, and removes it. Stopping a container that is already gone does nothing. A stop
     * asked for here is not reported to the {@link ContainerExitListener}.
     */
    void stop(String containerId);

    /** The containers this runtime runs for Slipway, including ones started before a restart. */
    List<Container> list();

    /**
     * Reports every container of this runtime that ends without being stopped through
     * {@link #stop}: it exited, crashed, was killed, or vanished. Reported once each, as soon as
     * the runtime learns of it (a Docker event, a process exit), also for adopted containers.
     * One listener per runtime; call before starting containers.
     */
    void watchExits(ContainerExitListener listener);

    /**
     * Called when Slipway stops: stops watching and copying output. Containers keep running and
     * are adopted on the next start.
     */
    @Override
    default void close() {
    }
}
