package dev.slipway.platform.runtime.process;

import dev.slipway.build.image.Artifact;
import dev.slipway.build.network.CompanyNetwork;
import dev.slipway.config.NetworkSection;
import dev.slipway.platform.runtime.ContainerSpec;
import dev.slipway.platform.runtime.ContainerStartException;
import dev.slipway.platform.system.FreePorts;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * Starts an app's command as a process group of its own, in a new session, so that neither a
 * Ctrl-C to Slipway's terminal nor Slipway's end reaches it. The app runs under a wrapper shell
 * that records its exit code; its stdout and stderr go to raw files in the runtime's directory,
 * appended to, so that it goes on writing when Slipway is gone.
 */
final class ProcessLauncher {

    /** Apps see only these of Slipway's own variables, so its token and keys never reach them. */
    static final Set<String> INHERITED_VARIABLES =
            Set.of("PATH", "HOME", "LANG", "LC_ALL", "TZ", "TMPDIR", "USER");
    /**
     * Runs {@code $1} (the app's command) and writes its exit code to {@code $2<pid>.exit}; {@code $$}
     * is the wrapper's pid, the container id. The traps keep the wrapper alive when a signal for
     * the app reaches the whole group, so it can still record how the app ended; unlike ignored
     * signals, trapped ones are reset for the app.
     */
    private static final String WRAPPER = "trap : HUP INT QUIT TERM USR1 USR2; sh -c \"$1\"; code=$?; "
            + "echo \"$code\" > \"$2$$.exit\"; exit \"$code\"";
    private static final Duration SESSION_TIMEOUT = Duration.ofSeconds(5);

    private final ContainerDirectory directory;
    private final CompanyNetwork network;

    ProcessLauncher(ContainerDirectory directory, CompanyNetwork network) {
        this.directory = directory;
        this.network = network;
    }

    /** A started container: its record (saved) and its process, a child of this Slipway. */
    record Launched(ContainerRecord record, Process process) {
    }

    Launched launch(ContainerSpec spec) {
        var artifact = spec.artifact();
        if (artifact.kind() != Artifact.Kind.DIRECTORY) {
            throw new ContainerStartException("the process runtime runs prepared app directories, not "
                    + artifact.kind().name().toLowerCase() + " " + artifact.reference()
                    + "; use the Docker runtime (SLIPWAY_RUNTIME=docker) for images");
        }
        var run = artifact.run();
        var command = run.command().orElseThrow(() -> new ContainerStartException(
                "deployment " + spec.deploymentId() + " has no start command"));
        var appDirectory = Path.of(artifact.reference());
        if (!Files.isDirectory(appDirectory)) {
            throw new ContainerStartException("the app directory " + appDirectory + " of deployment "
                    + spec.deploymentId() + " is gone; redeploy to build it again");
        }
        var token = UUID.randomUUID().toString();
        var stdout = directory.startingFile(spec.instanceId(), token, ".out");
        var stderr = directory.startingFile(spec.instanceId(), token, ".err");
        int port;
        Process process;
        try {
            port = FreePorts.onLoopback();
            process = builder(spec, command, appDirectory, stdout, stderr, port).start();
        } catch (IOException e) {
            deleteQuietly(stdout);
            deleteQuietly(stderr);
            throw new ContainerStartException("cannot start '" + command + "' in " + appDirectory + ": "
                    + e.getMessage() + "; the process runtime needs sh and setsid (util-linux) on the PATH"
                    + " and a writable " + directory.root(), e);
        }
        var record = new ContainerRecord(spec.service(), spec.deploymentId(), spec.instanceId(),
                "127.0.0.1:" + port, process.pid(), process.info().startInstant().orElse(Instant.EPOCH));
        try {
            awaitOwnSession(process);
            // The app keeps its open files: renaming them only gives them the container's name.
            Files.move(stdout, directory.stdout(record));
            Files.move(stderr, directory.stderr(record));
            directory.write(record);
            return new Launched(record, process);
        } catch (IOException e) {
            record.group().awaitEmpty(SESSION_TIMEOUT, true);
            process.destroyForcibly();
            directory.delete(record);
            throw new ContainerStartException("cannot keep the state of container " + process.pid() + " in "
                    + directory.root() + ": " + e.getMessage() + "; check that Slipway may write there", e);
        }
    }

    private ProcessBuilder builder(ContainerSpec spec, String command, Path appDirectory, Path stdout, Path stderr,
                                   int port) {
        var run = spec.artifact().run();
        var builder = new ProcessBuilder("setsid", "sh", "-c", WRAPPER, "slipway-app", command,
                directory.exitFilePrefix(spec.instanceId()))
                .directory(appDirectory.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.appendTo(stdout.toFile()))
                .redirectError(ProcessBuilder.Redirect.appendTo(stderr.toFile()));
        var env = builder.environment();
        env.keySet().retainAll(INHERITED_VARIABLES);
        // The trust files on this machine, and the proxies when apps get them; run.env still wins.
        env.putAll(network.appEnvironment(network.trustDirectory().map(Path::toString).orElse("")));
        CompanyNetwork.overlay(env, run.env());
        // As on Heroku: Python's prints arrive at once instead of when a buffer fills.
        env.putIfAbsent("PYTHONUNBUFFERED", "1");
        env.put(NetworkSection.PORT_VARIABLE, Integer.toString(port));
        run.portEnv().ifPresent(name -> env.put(name, Integer.toString(port)));
        return builder;
    }

    /**
     * Waits until setsid made the process a session of its own, so its group can be signalled.
     * setsid runs sh in its own process (no fork) since a child of Java is never a group leader.
     */
    private static void awaitOwnSession(Process process) throws IOException {
        var deadline = System.nanoTime() + SESSION_TIMEOUT.toNanos();
        while (process.isAlive()) {
            var stat = ProcessGroup.Stat.read(process.pid());
            if (stat.isEmpty() || stat.get().group() == process.pid()) {
                return;
            }
            if (System.nanoTime() - deadline > 0) {
                throw new IOException("setsid did not make process " + process.pid() + " a session of its own");
            }
            Thread.onSpinWait();
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // Only an empty file is left behind.
        }
    }

}
