package dev.slipway.build.image;

import java.util.List;
import java.util.Optional;

/**
 * A build command exited with a non-zero code. The message names the command, its exit code and
 * its last output lines; for exit code {@value MissingCommand#EXIT_CODE} also the command that was
 * not found and, once {@link #notFoundIn(String)} adds it, the image that lacks it.
 */
public final class CommandFailedException extends BuildFailedException {

    private final String phase;
    private final String command;
    private final int exitCode;
    private final List<String> lastLines;

    CommandFailedException(String phase, String command, int exitCode, List<String> lastLines,
            Optional<String> where) {
        super(message(phase, command, exitCode, lastLines, where));
        this.phase = phase;
        this.command = command;
        this.exitCode = exitCode;
        this.lastLines = List.copyOf(lastLines);
    }

    public int exitCode() {
        return exitCode;
    }

    /** Whether the command failed because something it runs was not found. */
    public boolean commandNotFound() {
        return exitCode == MissingCommand.EXIT_CODE;
    }

    /**
     * This failure saying where the missing command was looked for; itself when the command failed
     * for another reason.
     *
     * @param where e.g. "in base image python:3.11 (…); install it in pre-build or …"
     */
    public CommandFailedException notFoundIn(String where) {
        if (!commandNotFound()) {
            return this;
        }
        var failure = new CommandFailedException(phase, command, exitCode, lastLines, Optional.of(where));
        failure.setStackTrace(getStackTrace());
        return failure;
    }

    private static String message(String phase, String command, int exitCode, List<String> lastLines,
            Optional<String> where) {
        var text = new StringBuilder(phase).append(" command `").append(command).append("` failed with exit code ")
                .append(exitCode);
        if (exitCode == MissingCommand.EXIT_CODE) {
            text.append(": ").append(MissingCommand.describe(lastLines));
            where.ifPresent(w -> text.append(' ').append(w));
        }
        return text.append('\n').append(quote(lastLines)).toString();
    }
}
