package dev.slipway.platform.logs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter;

/**
 * A {@code text/event-stream} response that stays open until it is completed or its client leaves.
 * Each event is flushed as it is sent. Thread-safe; {@link #send} blocks while the client is slow
 * to read, so it belongs on a follower's delivery thread.
 */
public final class EventStream {

    private static final byte[] KEEP_ALIVE = ": keep-alive\n\n".getBytes(StandardCharsets.UTF_8);

    private final ResponseBodyEmitter emitter = new ResponseBodyEmitter(0L); // 0: no timeout
    private final ReentrantLock sending = new ReentrantLock();
    private final List<Runnable> closeActions = new ArrayList<>();
    private final AtomicBoolean closed = new AtomicBoolean();

    EventStream() {
        emitter.onCompletion(this::closed);
        emitter.onTimeout(this::closed);
        emitter.onError(e -> closed());
    }

    /** The answer that opens the stream, with no caching and no buffering by proxies. */
    public ResponseEntity<ResponseBodyEmitter> response() {
        return ResponseEntity.ok().contentType(MediaType.TEXT_EVENT_STREAM)
                .header("Cache-Control", "no-cache").header("X-Accel-Buffering", "no").body(emitter);
    }

    /** Runs {@code action} once the stream is over, whoever ended it (at once if it is over). */
    public void onClose(Runnable action) {
        synchronized (closeActions) {
            if (!closed.get()) {
                closeActions.add(action);
                return;
            }
        }
        action.run();
    }

    /**
     * Sends one event: {@code id: <id>} (when not null), {@code event: <name>}, {@code data: <data>}.
     * {@code data} must be one line (JSON is). Does nothing once the stream is over.
     */
    public void send(String id, String name, String data) {
        var event = (id == null ? "" : "id: " + id + "\n") + "event: " + name + "\ndata: " + data + "\n\n";
        sending.lock();
        try {
            write(event.getBytes(StandardCharsets.UTF_8));
        } finally {
            sending.unlock();
        }
    }

    /**
     * Ends the stream with a {@code dropped} event, for a client that fell more than
     * {@code capacity} lines behind: it can reconnect and resume with {@code Last-Event-ID}.
     */
    public void droppedBehind(int capacity) {
        send(null, "dropped", "{\"reason\":\"this client fell more than " + capacity + " lines behind; reconnect "
                + "with the Last-Event-ID header to continue after the last line it got\"}");
        complete();
    }

    /** A comment that keeps an idle connection (and proxies) from timing out; skipped while an event is being sent. */
    void keepAlive() {
        if (sending.tryLock()) {
            try {
                write(KEEP_ALIVE);
            } finally {
                sending.unlock();
            }
        }
    }

    /** Ends the response (also one that was never returned to the client). */
    public void complete() {
        if (!closed.get()) {
            emitter.complete();
            closed();
        }
    }

    private void write(byte[] bytes) {
        if (closed.get()) {
            return;
        }
        try {
            emitter.send(bytes, MediaType.TEXT_EVENT_STREAM);
        } catch (IOException | RuntimeException e) {
            // The client left (or the response is already over).
            closed();
        }
    }

    private void closed() {
        synchronized (closeActions) {
            if (!closed.compareAndSet(false, true)) {
                return;
            }
        }
        closeActions.forEach(Runnable::run);
    }
}
