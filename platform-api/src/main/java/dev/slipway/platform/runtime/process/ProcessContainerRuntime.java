package dev.slipway.platform.runtime.process;

import dev.slipway.build.image.Artifact;
import dev.slipway.config.NetworkSection;
import dev.slipway.platform.runtime.ContainerExitListener;
import dev.slipway.platform.runtime.ContainerOutput;
import dev.slipway.platform.runtime.ContainerRuntime;
import dev.slipway.platform.runtime.Container;
import dev.slipway.platform.runtime.ContainerSpec;
import dev.slipway.platform.runtime.ContainerStartException;
import dev.slipway.platform.runtime.ContainerState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs apps as local processes, for machines without Docker. Each instance runs its start command
 * through {@code sh -c} in its prepared app directory, on a free loopback port passed as
 * {@code PORT}. Instances are children of Slipway: they are stopped when Slipway stops and
 * started again from their directories when it starts.
 */
public final class ProcessContainerRuntime implements ContainerRuntime {

    /** How long an instance gets to exit after SIGTERM before it is killed. */
    public static final Duration DEFAULT_STOP_GRACE = Duration.ofSeconds(10);
    /** Apps see only these of Slipway's own variables, so its token and keys never reach them. */
    static final Set<String> INHERITED_VARIABLES =
            Set.of("PATH", "HOME", "LANG", "LC_ALL", "TZ", "TMPDIR", "USER");
    private static final Logger log = LoggerFactory.getLogger(ProcessContainerRuntime.class);

    private final Path logsDirectory;
    private final Duration stopGrace;
    private final Map<String, RunningProcess> processes = new ConcurrentHashMap<>();

    public ProcessContainerRuntime(Path logsDirectory, Duration stopGrace, ContainerOutput output) {
        this.logsDirectory = logsDirectory;
        this.stopGrace = stopGrace;
    }

    @Override
    public String name() {
        return "process";
    }

    @Override
    public Container start(ContainerSpec spec) {
        var artifact = spec.artifact();
        if (artifact.kind() != Artifact.Kind.DIRECTORY) {
            throw new ContainerStartException("the process runtime runs prepared app directories, not "
                    + artifact.kind().name().toLowerCase() + " " + artifact.reference()
                    + "; use the Docker runtime (SLIPWAY_RUNTIME=docker) for images");
        }
        var run = artifact.run();
        var command = run.command().orElseThrow(() -> new ContainerStartException(
                "deployment " + spec.deploymentId() + " has no start command"));
        try {
            int port = freePort();
            var logFile = logsDirectory.resolve(spec.service()).resolve(spec.deploymentId() + ".log");
            Files.createDirectories(logFile.getParent());
            var builder = new ProcessBuilder("sh", "-c", command)
                    .directory(Path.of(artifact.reference()).toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
            builder.environment().keySet().retainAll(INHERITED_VARIABLES);
            builder.environment().putAll(environment(run.env(), run.portEnv().orElse(null), port));
            var process = builder.start();
            var id = Long.toString(process.pid());
            var instance = new Container(id, spec.service(), spec.deploymentId(), spec.instanceId(), "127.0.0.1:" + port);
            processes.put(id, new RunningProcess(process, logFile, instance));
            log.info("Started {} for {} (deployment {}) as process {} on port {}",
                    command, spec.service(), spec.deploymentId(), id, port);
            return instance;
        } catch (IOException e) {
            throw new ContainerStartException("cannot start '" + command + "' in " + artifact.reference()
                    + ": " + e.getMessage(), e);
        }
    }

    @Override
    public ContainerState state(String instanceId) {
        var running = processes.get(instanceId);
        if (running == null) {
            return ContainerState.GONE;
        }
        var process = running.process();
        return process.isAlive() ? ContainerState.RUNNING : ContainerState.exited(process.exitValue());
    }

    @Override
    public List<String> logTail(String instanceId, int lines) {
        var running = processes.get(instanceId);
        if (running == null || !Files.exists(running.logFile())) {
            return List.of();
        }
        try {
            var all = Files.readAllLines(running.logFile());
            return List.copyOf(all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop(String instanceId) {
        var running = processes.remove(instanceId);
        if (running == null) {
            return;
        }
        var process = running.process();
        // The app first: its shell then reaps it and exits. Signalling the shell first would
        // orphan the app, which then lingers as a zombie until the machine's init reaps it.
        var descendants = process.descendants().toList();
        if (descendants.isEmpty()) {
            process.destroy();
        } else {
            descendants.forEach(ProcessHandle::destroy);
        }
        try {
            if (!process.waitFor(stopGrace.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("Container {} did not stop within {}; killing it", instanceId, stopGrace);
                descendants.forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            descendants.forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void watchExits(ContainerExitListener listener) {
    }

    @Override
    public List<Container> list() {
        return processes.values().stream()
                .filter(p -> p.process().isAlive())
                .map(RunningProcess::instance)
                .toList();
    }

    /** Stops every instance: they are Slipway's children and must not outlive it. */
    @Override
    public void close() {
        List.copyOf(processes.keySet()).forEach(this::stop);
    }

    private static Map<String, String> environment(Map<String, String> appEnv, String portEnv, int port) {
        var env = new HashMap<>(appEnv);
        env.put(NetworkSection.PORT_VARIABLE, Integer.toString(port));
        if (portEnv != null) {
            env.put(portEnv, Integer.toString(port));
        }
        return env;
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private record RunningProcess(Process process, Path logFile, Container instance) {
    }
}
