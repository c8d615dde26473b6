package dev.slipway.router;

import java.time.Duration;

/**
 * How a route admits requests when its instances are busy or when it has none: a limit on the requests in
 * flight to each target, a queue where requests wait for a free slot, and holding requests while the service
 * is scaled to zero. {@link #NONE} changes nothing: no limit, no queue, and a route without weighted targets
 * answers 503 at once.
 *
 * @param concurrencyLimit   the most requests (an open WebSocket counts until it closes) in flight to each target
 *                           of the route at once, across all event loops; null for no limit
 * @param queueDepth         the most requests waiting at once for the route; 0 lets none wait
 * @param queueTimeout       the longest a request waits in the queue; null means {@link #DEFAULT_QUEUE_TIMEOUT}.
 *                           More than 0 and at most {@link #MAX_QUEUE_TIMEOUT}
 * @param holdWhileEmpty     whether requests wait (within {@code queueDepth} and {@code queueTimeout}) while the
 *                           route has no target with weight above 0, instead of getting 503; the router then
 *                           announces demand for the route's service ({@link Router#awaitDemand})
 * @param unavailableMessage the detail of the 503 answered while the route has no weighted target and does not
 *                           hold, e.g. {@code "Service hello is paused; resume it to serve requests again"};
 *                           null for the router's own text
 */
public record Admission(Integer concurrencyLimit, int queueDepth, Duration queueTimeout, boolean holdWhileEmpty,
                        String unavailableMessage) {

    /** How long a request waits in a queue unless the route says otherwise. */
    public static final Duration DEFAULT_QUEUE_TIMEOUT = Duration.ofSeconds(10);
    /** The longest queue timeout a route may set. */
    public static final Duration MAX_QUEUE_TIMEOUT = Duration.ofHours(1);
    /** The deepest queue a route may have. */
    public static final int MAX_QUEUE_DEPTH = 100_000;
    /** The longest unavailable message, in characters. */
    public static final int MAX_MESSAGE_LENGTH = 1000;
    /** No limit, no queue, no holding: the router's behaviour without admission settings. */
    public static final Admission NONE = new Admission(null, 0, DEFAULT_QUEUE_TIMEOUT, false, null);

    /**
     * @throws IllegalArgumentException when a value is out of range; the message says the allowed range
     */
    public Admission {
        if (concurrencyLimit != null && concurrencyLimit < 1) {
            throw new IllegalArgumentException("Concurrency limit " + concurrencyLimit
                    + " is out of range; give 1 or more requests per instance, or leave it out for no limit");
        }
        if (queueDepth < 0 || queueDepth > MAX_QUEUE_DEPTH) {
            throw new IllegalArgumentException("Queue depth " + queueDepth + " is out of range; give 0 (no queue) to "
                    + MAX_QUEUE_DEPTH + " waiting requests");
        }
        queueTimeout = queueTimeout == null ? DEFAULT_QUEUE_TIMEOUT : queueTimeout;
        if (!allowedQueueTimeout(queueTimeout)) {
            throw new IllegalArgumentException("Queue timeout " + Durations.describe(queueTimeout)
                    + " is out of range; give more than 0 and at most " + MAX_QUEUE_TIMEOUT.toHours() + " hour");
        }
        if (unavailableMessage != null && (unavailableMessage.isBlank()
                || unavailableMessage.length() > MAX_MESSAGE_LENGTH
                || unavailableMessage.chars().anyMatch(c -> c < ' ' || c == 0x7f))) {
            throw new IllegalArgumentException("Unavailable message must be 1 to " + MAX_MESSAGE_LENGTH
                    + " characters without control characters, or left out for the router's own text");
        }
    }

    /** A copy with another concurrency limit per target; null for none. */
    public Admission withConcurrencyLimit(Integer limit) {
        return new Admission(limit, queueDepth, queueTimeout, holdWhileEmpty, unavailableMessage);
    }

    /** A copy with another queue depth. */
    public Admission withQueueDepth(int depth) {
        return new Admission(concurrencyLimit, depth, queueTimeout, holdWhileEmpty, unavailableMessage);
    }

    /** A copy with another queue timeout; null for the default. */
    public Admission withQueueTimeout(Duration timeout) {
        return new Admission(concurrencyLimit, queueDepth, timeout, holdWhileEmpty, unavailableMessage);
    }

    /** A copy that holds requests, or not, while the route has no weighted target. */
    public Admission withHoldWhileEmpty(boolean hold) {
        return new Admission(concurrencyLimit, queueDepth, queueTimeout, hold, unavailableMessage);
    }

    /** A copy with another 503 detail for a route without weighted targets; null for the router's own. */
    public Admission withUnavailableMessage(String message) {
        return new Admission(concurrencyLimit, queueDepth, queueTimeout, holdWhileEmpty, message);
    }

    /** True when requests of the route may wait or be limited, so routing goes through the route's queue. */
    boolean queues() {
        return concurrencyLimit != null || holdWhileEmpty;
    }

    /** Whether a route may set {@code timeout}: more than 0 and at most {@link #MAX_QUEUE_TIMEOUT}. */
    static boolean allowedQueueTimeout(Duration timeout) {
        return !timeout.isNegative() && !timeout.isZero() && timeout.compareTo(MAX_QUEUE_TIMEOUT) <= 0;
    }
}
