package dev.slipway.platform.runtime.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Event;
import com.github.dockerjava.api.model.EventType;
import dev.slipway.platform.runtime.Container;
import dev.slipway.platform.runtime.ContainerState;
import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
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
    private Events current;
    private Duration retry = FIRST_RETRY;
    private boolean closed;

    /** @param running the containers that run now, as {@link DockerContainerRuntime#list()} sees them */
    ExitWatcher(DockerClient control, DockerClient streams, ContainerWatches watches,
                Supplier<List<Container>> running, ScheduledExecutorService scheduler) {
        this.control = control;
        this.streams = streams;
        this.watches = watches;
        this.running = running;
        this.scheduler = scheduler;
    }

    void start() {
        schedule(this::connect, Duration.ZERO);
    }

    synchronized void close() {
        closed = true;
        if (current != null) {
            current.abandon();
        }
    }

    private void connect() {
        var events = new Events();
        synchronized (this) {
            if (closed) {
                return;
            }
            current = events;
        }
        try {
            streams.eventsCmd()
                    .withEventTypeFilter(EventType.CONTAINER)
                    .withLabelFilter(Map.of(DockerContainerRuntime.LABEL_MANAGED, "true"))
                    .withEventFilter("die", "oom", "destroy")
                    .exec(events);
            // Docker subscribes before it answers, so once the answer came no end goes unseen.
            events.opened.get(CONNECT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            catchUp();
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
        var now = running.get();
        var runningIds = new HashSet<String>();
        now.forEach(container -> runningIds.add(container.id()));
        for (var id : watches.startedIds()) {
            if (!runningIds.contains(id)) {
                watches.ended(id, () -> endedState(id, null));
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

    private void broken(Events events, Throwable failure) {
        Duration delay;
        synchronized (this) {
            if (closed || events != current) {
                return;
            }
            current = null;
            delay = retry;
            var doubled = retry.multipliedBy(2);
            retry = doubled.compareTo(LAST_RETRY) > 0 ? LAST_RETRY : doubled;
        }
        events.abandon();
        log.warn("Lost Docker's container events ({}); connecting again in {} ms", describe(failure), delay.toMillis());
        schedule(this::connect, delay);
    }

    private static String describe(Throwable failure) {
        var cause = failure.getCause() != null && failure.getMessage() == null ? failure.getCause() : failure;
        return cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
    }

    private void schedule(Runnable task, Duration delay) {
        try {
            scheduler.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // The runtime closed.
        }
    }

    /** One connection to Docker's event stream. */
    private final class Events extends ResultCallback.Adapter<Event> {

        private final CompletableFuture<Void> opened = new CompletableFuture<>();
        private volatile boolean abandoned;

        @Override
        public void onStart(Closeable stream) {
            super.onStart(stream);
            opened.complete(null);
        }

        @Override
        public void onNext(Event event) {
            if (!abandoned) {
                schedule(() -> handle(event), Duration.ZERO);
            }
        }

        @Override
        public void onError(Throwable failure) {
            opened.completeExceptionally(failure);
            if (!abandoned) {
                broken(this, failure);
            }
        }

        @Override
        public void onComplete() {
            var ended = new IOException("Docker ended the event stream");
            opened.completeExceptionally(ended);
            if (!abandoned) {
                broken(this, ended);
            }
        }

        void abandon() {
            abandoned = true;
            try {
                close();
            } catch (IOException | RuntimeException e) {
                // Closing a broken stream: nothing more to read either way.
            }
        }
    }
}
