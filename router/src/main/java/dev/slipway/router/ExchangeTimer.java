package dev.slipway.router;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one timer of an exchange, in one of four modes. While the request waits in its route's queue it bounds the
 * wait by the route's queue timeout. Until the response head arrives it bounds the wait
 * by the route's request timeout (then 504, or 408 if the client is the one not sending). Once the response
 * has started it only bounds silence: when nothing moved either way for the stream idle timeout, both
 * connections close, so a long stream or server-sent events run as long as they keep moving. After the
 * response, it bounds how long the rest of an unread request body is read and dropped.
 *
 * <p>Activity only stamps a field; the timer looks at it when it fires, so there is no rescheduling per chunk.
 * The time itself is kept by the client connection's {@link Deadline}, which schedules no task per request.
 */
final class ExchangeTimer implements Runnable {

    /**
     * How long the rest of a request body is read and dropped once its response is out. Closing instead
     * would make the kernel reset the connection over the unread bytes, and the client could lose the response.
     */
    static final Duration DISCARD_TIMEOUT = Duration.ofSeconds(10);
    private static final Logger LOG = LoggerFactory.getLogger(ExchangeTimer.class);
    private static final int OFF = 0;
    private static final int REQUEST = 1;
    private static final int STREAM = 2;
    private static final int DISCARD = 3;
    private static final int QUEUE = 4;

    private final Exchange exchange;
    private final long streamIdleTimeout;
    private final Deadline deadline;
    private long due;
    private int mode = OFF;
    private long lastActivity;

    ExchangeTimer(Exchange exchange) {
        this.exchange = exchange;
        this.streamIdleTimeout = exchange.loop.state.options.streamIdleTimeout().toNanos();
        this.deadline = exchange.inbound.deadline();
    }

    void startRequest(long timeoutNanos) {
        startRequest(exchange.record.startNanos, timeoutNanos);
    }

    /** Bounds the wait for the response head from {@code from} on: a request that waited in a queue starts late. */
    void startRequest(long from, long timeoutNanos) {
        mode = REQUEST;
        arm(from, timeoutNanos);
    }

    /** The request waits in its route's queue, at most {@code timeoutNanos}. */
    void queued(long timeoutNanos) {
        mode = QUEUE;
        arm(System.nanoTime(), timeoutNanos);
    }

    /** The response head went out: from now on only silence counts. */
    void responseStarted() {
        if (mode != REQUEST) {
            return;
        }
        mode = STREAM;
        lastActivity = System.nanoTime();
        if (due - lastActivity > streamIdleTimeout) {
            arm(lastActivity, streamIdleTimeout);
        }
    }

    /** Bytes moved in either direction. */
    void activity() {
        if (mode == STREAM) {
            lastActivity = System.nanoTime();
        }
    }

    void discard() {
        mode = DISCARD;
        arm(System.nanoTime(), DISCARD_TIMEOUT.toNanos());
    }

    void cancel() {
        deadline.clear(this);
        mode = OFF;
    }

    @Override
    public void run() {
        if (exchange.finished()) {
            return;
        }
        switch (mode) {
            case REQUEST -> exchange.replies().timedOut();
            case STREAM -> {
                long now = System.nanoTime();
                long idle = now - lastActivity;
                if (idle >= streamIdleTimeout) {
                    LOG.debug("Request {} silent for {} ms after its response began; closing",
                            exchange.clientRequest.requestId(), TimeUnit.NANOSECONDS.toMillis(idle));
                    exchange.abort();
                } else {
                    arm(now, streamIdleTimeout - idle);
                }
            }
            case DISCARD -> exchange.abort();
            case QUEUE -> {
                ExchangeWait wait = exchange.wait;
                if (wait != null) {
                    wait.timedOut();
                }
            }
            default -> {
            }
        }
    }

    private void arm(long from, long delayNanos) {
        due = from + delayNanos;
        deadline.set(due, this);
    }
}
