package dev.slipway.build.image;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A build failed. The message is meant for the user: the failing command, its exit code and the
 * last lines of its output, or what is missing.
 */
public class BuildFailedException extends RuntimeException {

    private static final String NO_OUTPUT = "(the command printed nothing)";
    private static final String INDENT = "  ";

    public BuildFailedException(String message) {
        super(message);
    }

    public BuildFailedException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * A build command exited with a non-zero code.
     *
     * @param phase     the phase the command belongs to, e.g. {@code build}
     * @param lastLines the command's last output lines, oldest first
     */
    public static CommandFailedException commandFailed(String phase, String command, int exitCode,
            List<String> lastLines) {
        return new CommandFailedException(phase, command, exitCode, lastLines, Optional.empty());
    }

    /** A build command was still running when the build's time ran out, and was killed. */
    public static BuildFailedException timedOut(String phase, String command, Duration timeout,
            List<String> lastLines) {
        return new BuildFailedException("build timed out after " + format(timeout) + " while running " + phase
                + " command `" + command + "`; it was killed\n" + quote(lastLines));
    }

    /**
     * The build's time ran out while Slipway itself was working (preparing an image, copying the
     * source), not while a build command ran.
     *
     * @param during what was going on, e.g. {@code assembling the final image}
     */
    public static BuildFailedException timedOut(Duration timeout, String during) {
        return new BuildFailedException("build timed out after " + format(timeout) + " while " + during);
    }

    /** "last N lines of output:" followed by the lines, indented, or a note that there were none. */
    public static String quote(List<String> lastLines) {
        if (lastLines.isEmpty()) {
            return NO_OUTPUT;
        }
        var text = new StringBuilder("last ").append(lastLines.size())
                .append(lastLines.size() == 1 ? " line" : " lines").append(" of output:");
        lastLines.forEach(line -> text.append('\n').append(INDENT).append(line));
        return text.toString();
    }

    private static String format(Duration duration) {
        return duration.toString().substring(2).toLowerCase(java.util.Locale.ROOT);
    }
}
