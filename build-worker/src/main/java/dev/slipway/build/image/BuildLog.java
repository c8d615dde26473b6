package dev.slipway.build.image;

/**
 * Receives build output line by line, as it is produced. Implementations must be thread-safe
 * and must not block for long: they are called from the threads that read build output.
 */
@FunctionalInterface
public interface BuildLog {

    /** A log that discards everything. */
    BuildLog NULL = (phase, line) -> { };

    /**
     * @param phase the build phase the line belongs to, e.g. {@code pre-build}, {@code build}
     * @param line  one line of output, without its line terminator
     */
    void line(String phase, String line);
}
