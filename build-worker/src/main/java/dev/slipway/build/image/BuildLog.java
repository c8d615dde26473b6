package dev.slipway.build.image;

/**
 * Receives build output line by line, as it is produced. Implementations must be thread-safe
 * and must not block for long: they are called from the threads that read build output.
 */
@FunctionalInterface
public interface BuildLog {

    /** Where a line came from. */
    enum Stream {
        /** A build command's standard output. */
        STDOUT,
        /** A build command's standard error. */
        STDERR,
        /** Slipway itself: which step runs, which image or cache entry is used. */
        SYSTEM
    }

    /** A log that discards everything. */
    BuildLog NULL = (phase, stream, line) -> { };

    /**
     * @param phase  the build phase the line belongs to, e.g. {@code pre-build}, {@code build}
     * @param stream where the line came from
     * @param line   one line of output, without its line terminator
     */
    void line(String phase, Stream stream, String line);

    /** A line from Slipway itself. */
    default void line(String phase, String line) {
        line(phase, Stream.SYSTEM, line);
    }
}
