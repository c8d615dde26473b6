package dev.slipway.platform.runtime.process;

import dev.slipway.platform.runtime.ContainerExitListener;
import dev.slipway.platform.runtime.ContainerOutput;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the containers one runtime started or adopted: copies their output every
 * {@link #POLL}, and when one ends without being stopped, kills what is left of its group, copies
 * its last output and reports it, once. Children of this Slipway report their end at once;
 * adopted ones are polled.
 */
final class ContainerWatch implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(150);
    /** How long processes get to vanish after SIGKILL (an uninterruptible one may take a moment). */
    static final Duration KILL_WAIT = Duration.ofSeconds(5);
    private static final Logger log = LoggerFactory.getLogger(ContainerWatch.class);

    private final ContainerOutput output;
    private final Map<String, WatchedContainer> containers = new ConcurrentHashMap<>();
    private final ScheduledExecutorService reader = Executors.newSingleThreadScheduledExecutor(
            daemon("process-runtime-output"));
    private final ExecutorService exits = Executors.newCachedThreadPool(daemon("process-runtime-exit"));
    private volatile ContainerExitListener listener;
    private volatile boolean closed;

    /** Adopts every container the directory knows. */
    ContainerWatch(ContainerDirectory directory, ContainerOutput output) {
        this.output = output;
        for (var record : directory.records()) {
            add(new WatchedContainer(record, null, directory));
        }
        reader.scheduleWithFixedDelay(this::poll, 0, POLL.toMillis(), TimeUnit.MILLISECONDS);
    }

    void add(WatchedContainer watched) {
        containers.put(watched.container().id(), watched);
        watched.onExit(() -> ended(watched));
    }

    Optional<WatchedContainer> find(String containerId) {
        return Optional.ofNullable(containers.get(containerId));
    }

    void remove(WatchedContainer watched) {
        containers.remove(watched.container().id(), watched);
    }

    /** Copies the container's output to the end, unless the watch was closed. */
    void copyAll(WatchedContainer watched) {
        if (!closed) {
            copyQuietly(watched, true);
        }
    }

    void listen(ContainerExitListener listener) {
        this.listener = listener;
        containers.values().stream().filter(WatchedContainer::endHandled).forEach(this::report);
    }

    /** Stops watching, after copying the lines the apps completed. */
    @Override
    public void close() {
        closed = true;
        reader.shutdown();
        exits.shutdown();
        try {
            reader.awaitTermination(KILL_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        containers.values().forEach(c -> copyQuietly(c, false));
    }

    private void poll() {
        for (var watched : containers.values()) {
            copyQuietly(watched, false);
            if (!watched.stopping() && !watched.running()) {
                ended(watched);
            }
        }
    }

    private void ended(WatchedContainer watched) {
        if (closed || watched.stopping() || !watched.markEnded()) {
            return;
        }
        try {
            exits.execute(() -> {
                // The leader is gone; whatever the app left behind must not hold its port.
                watched.record().group().awaitEmpty(KILL_WAIT, true);
                copyQuietly(watched, true);
                watched.markEndHandled();
                report(watched);
            });
        } catch (RejectedExecutionException e) {
            // Closed meanwhile: the next Slipway adopts the container and handles its end.
        }
    }

    private void report(WatchedContainer watched) {
        var current = listener;
        if (current == null || closed || watched.stopping() || !watched.markReported()) {
            return;
        }
        var container = watched.container();
        var state = watched.state();
        log.info("Container {} of {} ended: {}", container.id(), container.service(), state.describe());
        try {
            current.exited(container, state);
        } catch (RuntimeException e) {
            log.warn("The exit listener failed for container {}", container.id(), e);
        }
    }

    private void copyQuietly(WatchedContainer watched, boolean ended) {
        try {
            watched.copyOutput(output, ended);
        } catch (RuntimeException e) {
            log.warn("Copying the output of container {} failed: {}", watched.container().id(), e.toString());
        }
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            var thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
