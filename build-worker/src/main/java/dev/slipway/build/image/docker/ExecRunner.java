package dev.slipway.build.image.docker;

import dev.slipway.build.image.BuildCancelledException;
import dev.slipway.build.image.BuildFailedException;
import dev.slipway.build.image.BuildPhase;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;

/**
 * Runs one build command in a running build container: {@code sh -c <command>} in {@code /app}
 * with an environment given to this exec only (so it never reaches the container's or an image's
 * configuration), output streamed line by line, exit code read afterwards. On timeout or
 * interruption it throws at once; the caller then kills the container, which ends the exec (the
 * Engine API cannot kill an exec by itself).
 */
final class ExecRunner {

    static final String SHELL = "sh";
    /** How often a wait checks whether the command ended while something it started holds its output open. */
    private static final Duration POLL = Duration.ofSeconds(1);
    /** How long to keep reading output after the command ended; a background process may hold it open. */
    private static final Duration OUTPUT_DRAIN = Duration.ofSeconds(5);
    /** How long the daemon may take to report the exit code of an exec whose output ended. */
    private static final Duration EXIT_CODE_WAIT = Duration.ofSeconds(5);
    private static final long EXIT_CODE_POLL_MILLIS = 20;

    private final DockerClients clients;

    ExecRunner(DockerClients clients) {
        this.clients = clients;
    }

    /**
     * @param environment the command's variables on top of the image's (secrets included)
     * @throws BuildFailedException    when the command exits non-zero or the build's time runs out
     * @throws BuildCancelledException when the building thread is interrupted
     */
    void run(String containerId, BuildPhase phase, String command, Map<String, String> environment,
            BuildSession session) {
        session.checkpoint("starting " + phase + " command `" + command + "`");
        session.log(phase, "$ " + command);
        var env = environment.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList();
        var exec = clients.control().execCreateCmd(containerId)
                .withCmd(SHELL, "-c", command)
                .withEnv(env)
                .withWorkingDir(Layout.APP_DIRECTORY)
                .withAttachStdin(false).withAttachStdout(true).withAttachStderr(true).withTty(false)
                .exec().getId();
        session.commandRan();
        var output = new ExecOutput(phase, session.log(), session.mask());
        try (output) {
            clients.streaming().execStartCmd(exec).withDetach(false).withTty(false).exec(output);
            await(exec, output, phase, command, session);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BuildCancelledException("the build was cancelled while running " + phase + " command `"
                    + command + "`", e);
        } catch (IOException e) {
            // Closing only ends the output stream; the exit code below decides.
        } finally {
            output.finish();
        }
        var exitCode = exitCode(exec, command, output);
        if (exitCode != 0) {
            throw BuildFailedException.commandFailed(phase.label(), command, exitCode, output.recent().lines());
        }
    }

    private void await(String exec, ExecOutput output, BuildPhase phase, String command, BuildSession session)
            throws InterruptedException {
        while (true) {
            var remaining = session.remaining();
            if (remaining.isNegative() || remaining.isZero()) {
                throw BuildFailedException.timedOut(phase.label(), command, session.limits().timeout(),
                        output.recent().lines());
            }
            var slice = remaining.compareTo(POLL) < 0 ? remaining : POLL;
            if (output.awaitEnd(slice)) {
                return;
            }
            if (!isRunning(exec)) {
                output.awaitEnd(remaining.compareTo(OUTPUT_DRAIN) < 0 ? remaining : OUTPUT_DRAIN);
                return;
            }
        }
    }

    private boolean isRunning(String exec) {
        return Boolean.TRUE.equals(clients.control().inspectExecCmd(exec).exec().isRunning());
    }

    private int exitCode(String exec, String command, ExecOutput output) {
        var deadline = System.nanoTime() + EXIT_CODE_WAIT.toNanos();
        while (true) {
            var state = clients.control().inspectExecCmd(exec).exec();
            if (!Boolean.TRUE.equals(state.isRunning()) && state.getExitCodeLong() != null) {
                return state.getExitCodeLong().intValue();
            }
            if (System.nanoTime() > deadline) {
                throw new BuildFailedException("the Docker daemon reported no exit code for `" + command + "`"
                        + output.failure().map(e -> "; its output broke off: " + DaemonErrors.message(e)).orElse(""));
            }
            try {
                Thread.sleep(EXIT_CODE_POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new BuildCancelledException("the build was cancelled after `" + command + "`", e);
            }
        }
    }
}
