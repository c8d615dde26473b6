package dev.slipway.platform.runtime.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Event;
import dev.slipway.platform.runtime.Container;
import dev.slipway.platform.runtime.ContainerState;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows Docker's events for Slipway's containers and hands each end to the
 * {@link ContainerWatches}. Survives a broken stream (a daemon restart): it connects again with
 * backoff, then compares what runs with what it watches, so an end it missed meanwhile is
 * reported too, and containers it does not know yet are adopted. Events are handled on the
 * runtime's own thread, one at a time.
 */
final class ExitWatcher {

    private static final Duration FIRST_RETRY = Duration.ofMillis(500);
    private static final Duration LAST_RETRY = Duration.ofSeconds(15);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);
    private static final Logger log = LoggerFactory.getLogger(ExitWatcher.class);

    private final DockerClient control;
    private final DockerClient streams;
    private final ContainerWatches watches;
    private final Supplier<List<Container>> running;
    private final ScheduledExecutorService scheduler;
    /** Containers Docker said the kernel killed for lack of memory, until their end is handled. */
    private final Set<String> outOfMemory = ConcurrentHashMap.newKeySet();
    private ContainerEvents current;
    private Duration retry = FIRST_RETRY;
    private boolean started;
    private boolean closed;

    /** @param running the containers that run now, with an address or not */
    ExitWatcher(DockerClient control, DockerClient streams, ContainerWatches watches,
                Supplier<List<Container>> running, ScheduledExecutorService scheduler) {
        this.control = control;
        this.streams = streams;
        this.watches = watches;
        this.running = running;
        this.scheduler = scheduler;
    }

    /** Starts following; a second call does nothing. */
    synchronized void start() {
        if (!started) {
            started = true;
            schedule(this::connect, Duration.ZERO);
        }
    }

    synchronized void close() {
        closed = true;
        if (current != null) {
            current.abandon();
        }
    }

    private void connect() {
        var events = new ContainerEvents(event -> schedule(() -> handle(event), Duration.ZERO), this::broken);
        synchronized (this) {
            if (closed) {
                return;
            }
            current = events;
        }
        try {
            events.open(streams, CONNECT_TIMEOUT);
            catchUp();
            events.markWorking();
            synchronized (this) {
                retry = FIRST_RETRY;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            broken(events, e);
        }
    }

    /** Reports the watched containers that no longer run, and adopts running ones not watched yet. */
    private void catchUp() {
        // Asked before Docker lists: each of these had started, so it is listed if it still runs.
        var watched = watches.startedIds();
        var now = running.get();
        var runningIds = new HashSet<String>();
        now.forEach(container -> runningIds.add(container.id()));
        for (var id : watched) {
            if (!runningIds.contains(id)) {
                var state = endedState(id, null);
                if (!state.running()) {
                    watches.ended(id, () -> state);
                }
            }
        }
        now.forEach(watches::adopt);
    }

    private void handle(Event event) {
        var id = event.getId() != null ? event.getId() : event.getActor() != null ? event.getActor().getId() : null;
        var action = event.getAction() != null ? event.getAction() : event.getStatus();
        if (id == null || action == null) {
            return;
        }
        switch (action) {
            case "oom" -> outOfMemory.add(id);
            case "die" -> watches.ended(id, () -> endedState(id, event));
            case "destroy" -> watches.ended(id, () -> endedState(id, null));
            default -> log.debug("Ignored Docker event {} of container {}", action, DockerStates.shortId(id));
        }
        if (!action.equals("oom")) {
            outOfMemory.remove(id);
        }
    }

    /** How the container ended: as Docker inspects it, else as its event said (it was removed at once). */
    private ContainerState endedState(String id, Event died) {
        var state = DockerStates.current(control, id);
        if (!state.equals(ContainerState.GONE)) {
            return state;
        }
        var code = died == null || died.getActor() == null || died.getActor().getAttributes() == null ? null
                : died.getActor().getAttributes().get("exitCode");
        if (code == null) {
            return ContainerState.ended(DockerStates.REMOVED);
        }
        return DockerStates.ended(Integer.parseInt(code), outOfMemory.contains(id));
    }

    /**
     * Connects again: at once after a stream that worked (a client's response timeout ends a
     * quiet stream too), with growing pauses while Docker cannot be reached.
     */
    private void broken(ContainerEvents events, Throwable failure) {
        var worked = events.working();
        Duration delay;
        synchronized (this) {
            if (closed || events != current) {
                return;
            }
            current = null;
            delay = worked ? Duration.ZERO : retry;
            var doubled = retry.multipliedBy(2);
            retry = worked ? FIRST_RETRY : doubled.compareTo(LAST_RETRY) > 0 ? LAST_RETRY : doubled;
        }
        events.abandon();
        if (worked) {
            log.info("Docker's container events stopped ({}); following them again", describe(failure));
        } else {
            log.warn("Cannot follow Docker's container events ({}); trying again in {} ms; is the Docker daemon running?",
                    describe(failure), delay.toMillis());
        }
        schedule(this::connect, delay);
    }

    private static String describe(Throwable failure) {
        var cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
    }

    private void schedule(Runnable task, Duration delay) {
        try {
            scheduler.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // The runtime closed.
        }
    }
}
