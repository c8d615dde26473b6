package dev.slipway.platform.runtime;

import java.time.Instant;
import java.util.Optional;

/**
 * Where the runtimes copy what apps print: Slipway's application log. Thread-safe; called from
 * the runtimes' output readers.
 */
public interface ContainerOutput {

    /** Throws everything away (for tests of a runtime that do not look at output). */
    ContainerOutput DISCARD = new ContainerOutput() {
        @Override
        public void line(Container container, Instant time, Stream stream, String text) {
        }

        @Override
        public Optional<Instant> lastLineTime(Container container) {
            return Optional.empty();
        }
    };

    /** Which of the app's outputs a line came from. */
    enum Stream {
        STDOUT, STDERR
    }

    /**
     * One line an app wrote, without its line break.
     *
     * @param time when it was written, as precisely as the runtime knows (else when it was read)
     */
    void line(Container container, Instant time, Stream stream, String text);

    /**
     * When the newest stored line of the instance was written, so a runtime that resumes copying
     * after a restart of Slipway skips what it copied before.
     */
    Optional<Instant> lastLineTime(Container container);
}
