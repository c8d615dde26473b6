package dev.slipway.platform.runtime.process;

import dev.slipway.build.network.CompanyNetwork;
import dev.slipway.platform.runtime.Container;
import dev.slipway.platform.runtime.ContainerExitListener;
import dev.slipway.platform.runtime.ContainerOutput;
import dev.slipway.platform.runtime.ContainerRuntime;
import dev.slipway.platform.runtime.ContainerSpec;
import dev.slipway.platform.runtime.ContainerState;
import dev.slipway.platform.runtime.ListeningSocket;
import dev.slipway.platform.runtime.ListeningSockets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs apps as local processes, for machines without Docker. Each container is the start command
 * run through {@code sh -c} in the prepared app directory, on a free loopback port passed as
 * {@code PORT}, as a process group in a session of its own: it outlives Slipway, and a restarted
 * Slipway adopts it from the state files in the runtime's directory. The container id is the
 * group's id. What apps write goes to raw files there, which are copied to the
 * {@link ContainerOutput}.
 */
public final class ProcessContainerRuntime implements ContainerRuntime {

    /** How long a container gets to exit after SIGTERM before it is killed. */
    public static final Duration DEFAULT_STOP_GRACE = Duration.ofSeconds(10);
    private static final Logger log = LoggerFactory.getLogger(ProcessContainerRuntime.class);

    private final ContainerDirectory directory;
    private final ProcessLauncher launcher;
    private final Duration stopGrace;
    private final ContainerWatch watch;

    /**
     * Adopts the containers that the state files in {@code directory} describe, and starts copying
     * their output.
     *
     * @param directory the runtime's own directory, for state files and raw output
     */
    public ProcessContainerRuntime(Path directory, Duration stopGrace, ContainerOutput output) {
        this(directory, stopGrace, output, CompanyNetwork.NONE);
    }

    /** @param network the trust files apps use (and the proxies, when apps get them) */
    public ProcessContainerRuntime(Path directory, Duration stopGrace, ContainerOutput output, CompanyNetwork network) {
        this.directory = new ContainerDirectory(directory);
        this.launcher = new ProcessLauncher(this.directory, network);
        this.stopGrace = stopGrace;
        this.watch = new ContainerWatch(this.directory, output);
    }

    @Override
    public String name() {
        return "process";
    }

    @Override
    public Container start(ContainerSpec spec) {
        var launched = launcher.launch(spec);
        var watched = new WatchedContainer(launched.record(), launched.process(), directory);
        watch.add(watched);
        var container = watched.container();
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

    /** The listening sockets that the processes of the container's group hold. */
    @Override
    public Optional<List<ListeningSocket>> listeningSockets(String containerId) {
        return find(containerId).filter(WatchedContainer::running)
                .flatMap(c -> ListeningSockets.heldBy(c.record().group().members().stream().map(ProcessHandle::pid).toList()));
    }

    /** Apps run on this host, with Slipway's {@code PATH} and the variables of {@code run.env}. */
    @Override
    public String commandSource(String containerId) {
        return "this host's PATH (" + System.getenv().getOrDefault("PATH", "") + ")";
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
            if (!group.awaitEmpty(ContainerWatch.KILL_WAIT, true)) {
                log.warn("Processes of container {} are still there after SIGKILL: {}", containerId,
                        group.members().stream().map(ProcessHandle::pid).toList());
            }
        }
        watch.copyAll(watched);
        watched.delete();
        watch.remove(watched);
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
        watch.listen(listener);
    }

    /**
     * Stops watching and copying, after copying the lines the apps completed. The apps keep
     * running, for the next Slipway to adopt; {@link #stop} still works.
     */
    @Override
    public void close() {
        watch.close();
    }

    /** A container this runtime watches, else one another runtime on the directory started since. */
    private Optional<WatchedContainer> find(String containerId) {
        return watch.find(containerId)
                .or(() -> directory.find(containerId).map(record -> new WatchedContainer(record, null, directory)));
    }
}
