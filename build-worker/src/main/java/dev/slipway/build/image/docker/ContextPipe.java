package dev.slipway.build.image.docker;

import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.time.Duration;
import java.util.Optional;

/**
 * A build context streamed while it is written: a thread of its own writes the tar into a pipe
 * that the build request reads, so the context never lands on disk or in memory as a whole.
 */
final class ContextPipe implements AutoCloseable {

    private static final int BUFFER_BYTES = 1 << 20;
    /** How long closing waits for the writer; closing the pipe makes a blocked writer give up. */
    private static final Duration WRITER_GRACE = Duration.ofSeconds(5);

    private final PipedInputStream in;
    private final PipedOutputStream out;
    private final Thread writer;
    private volatile Exception error;

    ContextPipe(ContextTar context, String name) throws IOException {
        this.in = new PipedInputStream(BUFFER_BYTES);
        this.out = new PipedOutputStream(in);
        this.writer = new Thread(() -> {
            try (out) {
                context.writeTo(out);
            } catch (IOException | RuntimeException e) {
                error = e;
            }
        }, "slipway-build-context-" + name);
        writer.setDaemon(true);
        writer.start();
    }

    InputStream input() {
        return in;
    }

    /** Why the tar could not be written completely, e.g. an unreadable file. */
    Optional<Exception> error() {
        return Optional.ofNullable(error);
    }

    @Override
    public void close() throws IOException {
        try (in; out) {
            // Both ends close here.
        } finally {
            try {
                writer.join(WRITER_GRACE.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
