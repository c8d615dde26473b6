package dev.slipway.platform.runtime.docker;

import com.github.dockerjava.api.DockerClient;
import dev.slipway.platform.runtime.Container;
import dev.slipway.platform.runtime.ContainerExitListener;
import dev.slipway.platform.runtime.ContainerOutput;
import dev.slipway.platform.runtime.ContainerState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The containers one runtime watches, from their start or adoption until they end or are stopped:
 * copies each one's output, and reports each end to the listener once, never for a container
 * that is being stopped.
 */
final class ContainerWatches {

    /** How many stopped containers are remembered, so a late look at Docker does not adopt them again. */
    private static final int REMEMBERED_STOPS = 10_000;
    private static final Logger log = LoggerFactory.getLogger(ContainerWatches.class);

    private final DockerClient control;
    private final DockerClient streams;
    private final ContainerOutput output;
    private final ScheduledExecutorService scheduler;
    /** By container id; a container may end before its start returned, so each is a future. */
    private final Map<String, CompletableFuture<Container>> watches = new HashMap<>();
    private final Set<LogFollower> followers = ConcurrentHashMap.newKeySet();
    private final Set<String> stopped = Collections.newSetFromMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED_STOPS;
        }
    });
    private volatile ContainerExitListener listener = ContainerExitListener.NONE;
    private boolean closed;

    ContainerWatches(DockerClient control, DockerClient streams, ContainerOutput output, ScheduledExecutorService scheduler) {
        this.control = control;
        this.streams = streams;
        this.output = output;
        this.scheduler = scheduler;
    }

    void reportTo(ContainerExitListener listener) {
        this.listener = listener;
    }

    /** Watches a container about to start, so an end that Docker reports at once is not missed. */
    synchronized CompletableFuture<Container> starting(String containerId) {
        var watch = new CompletableFuture<Container>();
        watches.put(containerId, watch);
        return watch;
    }

    /** The container started: copies its output from its first line, and reports its end if it came already. */
    void started(CompletableFuture<Container> watch, Container container) {
        follow(container, Optional.empty());
        watch.complete(container);
    }

    /** The container could not be started: it is not watched. */
    synchronized void failed(CompletableFuture<Container> watch, String containerId) {
        watches.remove(containerId, watch);
        watch.cancel(false);
    }

    /**
     * Watches a container this runtime did not start (Slipway restarted): copies its output from
     * after the last line copied before, and reports its end at once if it ended meanwhile.
     */
    void adopt(Container container) {
        if (!adoptable(container.id())) {
            return;
        }
        var copiedUntil = output.lastLineTime(container);
        synchronized (this) {
            if (!adoptable(container.id())) {
                return;
            }
            watches.put(container.id(), CompletableFuture.completedFuture(container));
        }
        follow(container, copiedUntil);
        log.info("Adopted container {} of {} (instance {})", DockerStates.shortId(container.id()), container.service(),
                container.instanceId());
        var state = DockerStates.current(control, container.id());
        if (!state.running()) {
            ended(container.id(), () -> state);
        }
    }

    /** Slipway stops the container: its end is not reported, and it is never adopted again. */
    synchronized void stopping(String containerId) {
        stopped.add(containerId);
        watches.remove(containerId);
    }

    /**
     * Reports the end of a watched container, once; does nothing for a container that was
     * reported, is being stopped, or is not this runtime's.
     *
     * @param state how it ended, asked only for a watched container; when asking fails, the
     *              container stays watched, for the next look at Docker
     */
    void ended(String containerId, Supplier<ContainerState> state) {
        synchronized (this) {
            if (!watches.containsKey(containerId)) {
                return;
            }
        }
        var how = state.get();
        CompletableFuture<Container> watch;
        synchronized (this) {
            watch = watches.remove(containerId);
        }
        if (watch != null) {
            watch.thenAcceptAsync(container -> report(container, how), scheduler);
        }
    }

    /** The ids of the containers watched whose start returned. */
    synchronized List<String> startedIds() {
        var ids = new ArrayList<String>();
        watches.forEach((id, watch) -> {
            if (watch.isDone()) {
                ids.add(id);
            }
        });
        return ids;
    }

    /** Stops copying output; the containers run on. */
    void close() {
        synchronized (this) {
            closed = true;
            watches.clear();
        }
        followers.forEach(LogFollower::close);
    }

    private synchronized boolean adoptable(String containerId) {
        return !closed && !watches.containsKey(containerId) && !stopped.contains(containerId);
    }

    private void follow(Container container, Optional<Instant> copiedUntil) {
        var follower = new LogFollower(container, control, streams, output, scheduler, copiedUntil, followers::remove);
        synchronized (this) {
            if (closed) {
                return;
            }
            followers.add(follower);
        }
        follower.start();
    }

    private void report(Container container, ContainerState state) {
        log.info("Container {} of {} (instance {}) ended: {}", DockerStates.shortId(container.id()), container.service(),
                container.instanceId(), state.describe());
        try {
            listener.exited(container, state);
        } catch (RuntimeException e) {
            log.warn("Reporting the end of container {} failed", DockerStates.shortId(container.id()), e);
        }
    }
}
