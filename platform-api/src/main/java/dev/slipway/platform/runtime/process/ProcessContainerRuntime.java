package dev.slipway.platform.runtime.process;

import dev.slipway.platform.runtime.Container;
import dev.slipway.platform.runtime.ContainerExitListener;
import dev.slipway.platform.runtime.ContainerOutput;
import dev.slipway.platform.runtime.ContainerRuntime;
import dev.slipway.platform.runtime.ContainerSpec;
import dev.slipway.platform.runtime.ContainerState;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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
 * Runs apps as local processes, for machines without Docker. Each container is the start command
 * run through {@code sh -c} in the prepared app directory, on a free loopback port passed as
 * {@code PORT}, as a process group in a session of its own: it outlives Slipway, and a restarted
 * Slipway adopts it from the state files in the runtime's directory. The container id is the
 * group's id. What apps write goes to raw files there, which a reader copies to the
 * {@link ContainerOutput}.
 */
public final class ProcessContainerRuntime implements ContainerRuntime {

    /** How long a container gets to exit after SIGTERM before it is killed. */
    public static final Duration DEFAULT_STOP_GRACE = Duration.ofSeconds(10);
    private static final Duration POLL = Duration.ofMillis(150);
    /** How long processes get to vanish after SIGKILL (an uninterruptible one may take a moment). */
    private static final Duration KILL_WAIT = Duration.ofSeconds(5);
    private static final Logger log = LoggerFactory.getLogger(ProcessContainerRuntime.class);

    private final ContainerDirectory directory;
    private final ProcessLauncher launcher;
    private final Duration stopGrace;
    private final ContainerOutput output;
    private final Map<String, WatchedContainer> containers = new ConcurrentHashMap<>();
    private final ScheduledExecutorService reader = Executors.newSingleThreadScheduledExecutor(
            daemon("process-runtime-output"));
    private final ExecutorService exits = Executors.newCachedThreadPool(daemon("process-runtime-exit"));
    private volatile ContainerExitListener listener;
    private volatile boolean closed;

    /**
     * Adopts the containers that the state files in {@code directory} describe and starts copying
     * their output.
     *
     * @param directory the runtime's own directory, for state files and raw output
     */
    public ProcessContainerRuntime(Path directory, Duration stopGrace, ContainerOutput output) {
        this.directory = new ContainerDirectory(directory);
        this.launcher = new ProcessLauncher(this.directory);
        this.stopGrace = stopGrace;
        this.output = output;
        for (var record : this.directory.records()) {
            containers.put(Long.toString(record.pid()), new WatchedContainer(record, null, this.directory));
        }
        reader.scheduleWithFixedDelay(this::poll, 0, POLL.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public String name() {
        return "process";
    }

    @Override
    public Container start(ContainerSpec spec) {
        var launched = launcher.launch(spec);
        var watched = new WatchedContainer(launched.record(), launched.process(), directory);
        var container = watched.container();
        containers.put(container.id(), watched);
        launched.process().onExit().thenRun(() -> ended(watched));
        log.info("Started {} for {} (deployment {}, instance {}) as process group {} on {}",
                spec.artifact().run().command().orElseThrow(), spec.service(), spec.deploymentId(),
                spec.instanceId(), container.id(), container.address());
        return container;
    }

    @Override
    public ContainerState state(String containerId) {
        return find(containerId).map(WatchedContainer::state).orElse(ContainerState.GONE);
    }

    /** Up to {@code lines} last lines: stdout's, then stderr's, as the raw files do not say how they interleave. */
    @Override
    public List<String> logTail(String containerId, int lines) {
        return find(containerId).map(c -> c.tail(lines)).orElse(List.of());
    }

    /** Stops the container's process group: SIGTERM to each member, SIGKILL after the grace period. */
    @Override
    public void stop(String containerId) {
        var found = find(containerId);
        if (found.isEmpty()) {
            return;
        }
        var watched = found.get();
        watched.markStopping();
        var group = watched.record().group();
        group.terminate();
        if (!group.awaitEmpty(stopGrace, false)) {
            log.warn("Container {} did not stop within {} of SIGTERM; killing it", containerId, stopGrace);
            if (!group.awaitEmpty(KILL_WAIT, true)) {
                log.warn("Processes of container {} are still there after SIGKILL: {}", containerId,
                        group.members().stream().map(ProcessHandle::pid).toList());
            }
        }
        if (!closed) {
            watched.copyOutput(output, true);
        }
        watched.delete();
        containers.remove(containerId, watched);
        log.info("Stopped container {}", containerId);
    }

    @Override
    public List<Container> list() {
        return directory.records().stream()
                .filter(record -> record.group().leaderRunning())
                .map(ContainerRecord::toContainer)
                .toList();
    }

    @Override
    public void watchExits(ContainerExitListener listener) {
        this.listener = listener;
        containers.values().stream().filter(WatchedContainer::endHandled).forEach(this::report);
    }

    /**
     * Stops watching and copying, after copying the lines the apps completed. The apps keep
     * running; {@link #stop} still works.
     */
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

    private Optional<WatchedContainer> find(String containerId) {
        return Optional.ofNullable(containers.get(containerId))
                .or(() -> directory.find(containerId).map(record -> new WatchedContainer(record, null, directory)));
    }

    /** Copies new output, and notices when an adopted container's leader ended (children report it themselves). */
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
        var state = watched.state();
        log.info("Container {} of {} ended: {}", watched.container().id(), watched.record().service(), state.describe());
        try {
            current.exited(watched.container(), state);
        } catch (RuntimeException e) {
            log.warn("The exit listener failed for container {}", watched.container().id(), e);
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
