package dev.slipway.build.image.process;

import dev.slipway.build.image.BuildCancelledException;
import dev.slipway.build.image.BuildFailedException;
import dev.slipway.build.image.BuildLog;
import dev.slipway.build.image.RecentLines;
import dev.slipway.build.image.SecretMask;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs build commands through {@code sh -c} in one directory with one environment, all within a
 * shared deadline. Standard output and standard error go to the log as separate streams, line by
 * line as they come, secrets masked. Interrupting the calling thread kills the command and every
 * process it started.
 */
final class CommandRunner {

    static final String SHELL = "/bin/sh";
    /** How long to keep reading output after a command ended; a background process may hold it open. */
    private static final Duration OUTPUT_DRAIN = Duration.ofSeconds(5);

    private static final Logger LOG = LoggerFactory.getLogger(CommandRunner.class);

    private final Path directory;
    private final Map<String, String> environment;
    private final Duration timeout;
    private final Instant deadline;
    private final BuildLog log;
    private final SecretMask mask;

    CommandRunner(Path directory, Map<String, String> environment, Duration timeout, BuildLog log, SecretMask mask) {
        this.directory = directory;
        this.environment = Map.copyOf(environment);
        this.timeout = timeout;
        this.deadline = Instant.now().plus(timeout);
        this.log = log;
        this.mask = mask;
    }

    /**
     * @throws BuildFailedException    when the command exits non-zero or the deadline passes
     * @throws BuildCancelledException when the calling thread is interrupted
     */
    void run(String phase, String command) {
        if (Thread.currentThread().isInterrupted()) {
            throw new BuildCancelledException("the build was cancelled before " + phase + " command `" + command + "`");
        }
        var builder = new ProcessBuilder(SHELL, "-c", command).directory(directory.toFile());
        builder.environment().clear();
        builder.environment().putAll(environment);
        var recent = new RecentLines();
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new BuildFailedException("cannot start " + phase + " command `" + command + "`: "
                    + e.getMessage(), e);
        }
        closeInput(process);
        var stdout = reader(process, process.getInputStream(), phase, BuildLog.Stream.STDOUT, recent);
        var stderr = reader(process, process.getErrorStream(), phase, BuildLog.Stream.STDERR, recent);
        try {
            var remaining = Duration.between(Instant.now(), deadline);
            if (remaining.isNegative() || !process.waitFor(remaining.toMillis(), TimeUnit.MILLISECONDS)) {
                killTree(process);
                join(stdout, stderr);
                throw BuildFailedException.timedOut(phase, command, timeout, recent.lines());
            }
            join(stdout, stderr);
        } catch (InterruptedException e) {
            killTree(process);
            Thread.currentThread().interrupt();
            throw new BuildCancelledException("the build was cancelled while running " + phase + " command `"
                    + command + "`", e);
        }
        if (process.exitValue() != 0) {
            throw BuildFailedException.commandFailed(phase, command, process.exitValue(), recent.lines());
        }
    }

    private Thread reader(Process process, InputStream stream, String phase, BuildLog.Stream kind,
            RecentLines recent) {
        var thread = new Thread(() -> forward(process, stream, phase, kind, recent),
                "slipway-build-" + kind.name().toLowerCase(Locale.ROOT) + "-" + process.pid());
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private void forward(Process process, InputStream stream, String phase, BuildLog.Stream kind, RecentLines recent) {
        try (var lines = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                var masked = mask.apply(line);
                recent.add(masked);
                log.line(phase, kind, masked);
            }
        } catch (IOException e) {
            LOG.debug("{} of process {} ended: {}", kind, process.pid(), e.toString());
        }
    }

    private static void join(Thread stdout, Thread stderr) throws InterruptedException {
        var until = System.nanoTime() + OUTPUT_DRAIN.toNanos();
        stdout.join(Math.max(1, (until - System.nanoTime()) / 1_000_000));
        stderr.join(Math.max(1, (until - System.nanoTime()) / 1_000_000));
    }

    /** Build commands get no input: one that reads it sees its end at once instead of waiting. */
    private static void closeInput(Process process) {
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            LOG.debug("cannot close the input of process {}: {}", process.pid(), e.toString());
        }
    }

    /** Lists the descendants before killing the shell, which would leave them orphaned and out of reach. */
    private static void killTree(Process process) {
        var descendants = process.descendants().toList();
        process.destroyForcibly();
        descendants.forEach(ProcessHandle::destroyForcibly);
    }
}
