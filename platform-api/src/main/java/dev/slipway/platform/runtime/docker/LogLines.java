package dev.slipway.platform.runtime.docker;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import dev.slipway.platform.runtime.ContainerOutput;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.function.Consumer;

/**
 * One request for a container's log with timestamps: splits Docker's frames into lines, each
 * {@code <RFC 3339 time> <text>}, and hands on those written after a given time. Reports its end
 * once, unless it was abandoned.
 */
final class LogLines extends ResultCallback.Adapter<Frame> {

    /** Receives one line. */
    @FunctionalInterface
    interface Sink {
        void line(Instant time, ContainerOutput.Stream stream, String text);
    }

    private final Instant after;
    private final Sink sink;
    private final Consumer<Throwable> ended;
    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private boolean finished;

    /**
     * @param after lines written at or before this time are skipped (null: none are)
     * @param ended called once when the log ends: with null when Docker ended it (the container
     *              ended), with the failure when it broke
     */
    LogLines(Instant after, Sink sink, Consumer<Throwable> ended) {
        this.after = after;
        this.sink = sink;
        this.ended = ended;
    }

    @Override
    public synchronized void onNext(Frame frame) {
        if (finished) {
            return;
        }
        var stream = frame.getStreamType() == StreamType.STDERR ? ContainerOutput.Stream.STDERR : ContainerOutput.Stream.STDOUT;
        var buffer = stream == ContainerOutput.Stream.STDERR ? stderr : stdout;
        for (var b : frame.getPayload()) {
            if (b == '\n') {
                emit(buffer, stream);
            } else {
                buffer.write(b);
            }
        }
    }

    @Override
    public void onComplete() {
        synchronized (this) {
            if (!finished) {
                emit(stdout, ContainerOutput.Stream.STDOUT);
                emit(stderr, ContainerOutput.Stream.STDERR);
            }
        }
        finish(null);
    }

    @Override
    public void onError(Throwable failure) {
        finish(failure);
    }

    void failed(Throwable failure) {
        finish(failure);
    }

    /** Stops reading without reporting an end; once it returns, no more lines are handed on. */
    void abandon() {
        synchronized (this) {
            finished = true;
        }
        closeQuietly();
    }

    private void finish(Throwable failure) {
        synchronized (this) {
            if (finished) {
                return;
            }
            finished = true;
        }
        closeQuietly();
        ended.accept(failure);
    }

    private void closeQuietly() {
        try {
            close();
        } catch (IOException | RuntimeException e) {
            // Closing a broken stream: nothing more to read either way.
        }
    }

    private void emit(ByteArrayOutputStream buffer, ContainerOutput.Stream stream) {
        if (buffer.size() == 0) {
            return;
        }
        var line = buffer.toString(StandardCharsets.UTF_8);
        buffer.reset();
        var space = line.indexOf(' ');
        Instant time;
        String text;
        try {
            time = Instant.parse(space < 0 ? line : line.substring(0, space));
            text = space < 0 ? "" : line.substring(space + 1);
        } catch (DateTimeParseException e) {
            time = Instant.now();
            text = line;
        }
        if (after == null || time.isAfter(after)) {
            sink.line(time, stream, text);
        }
    }
}
