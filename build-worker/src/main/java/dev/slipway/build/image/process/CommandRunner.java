package dev.slipway.build.image.process;

import dev.slipway.build.image.BuildFailedException;
import dev.slipway.build.image.BuildLog;
import dev.slipway.build.image.RecentLines;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs build commands through {@code sh -c} in one directory with one environment, all within a
 * shared deadline. Output (stdout and stderr merged) goes to the log line by line as it comes.
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

    CommandRunner(Path directory, Map<String, String> environment, Duration timeout, BuildLog log) {
        this.directory = directory;
        this.environment = Map.copyOf(environment);
        this.timeout = timeout;
        this.deadline = Instant.now().plus(timeout);
        this.log = log;
    }

    /** @throws BuildFailedException when the command exits non-zero or the deadline passes */
    void run(String phase, String command) {
        var builder = new ProcessBuilder(SHELL, "-c", command).directory(directory.toFile()).redirectErrorStream(true);
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
        var reader = new Thread(() -> forward(process, phase, recent), "slipway-build-output-" + process.pid());
        reader.setDaemon(true);
        reader.start();
        try {
            var remaining = Duration.between(Instant.now(), deadline);
            if (remaining.isNegative() || !process.waitFor(remaining.toMillis(), TimeUnit.MILLISECONDS)) {
                killTree(process);
                reader.join(OUTPUT_DRAIN.toMillis());
                throw BuildFailedException.timedOut(phase, command, timeout, recent.lines());
            }
            reader.join(OUTPUT_DRAIN.toMillis());
        } catch (InterruptedException e) {
            killTree(process);
            Thread.currentThread().interrupt();
            throw new BuildFailedException("the build was interrupted while running " + phase + " command `"
                    + command + "`", e);
        }
        if (process.exitValue() != 0) {
            throw BuildFailedException.commandFailed(phase, command, process.exitValue(), recent.lines());
        }
    }

    private void forward(Process process, String phase, RecentLines recent) {
        try (var lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                recent.add(line);
                log.line(phase, line);
            }
        } catch (IOException e) {
            LOG.debug("output of process {} ended: {}", process.pid(), e.toString());
        }
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
