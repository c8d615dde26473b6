package dev.slipway.router;

import java.util.ArrayDeque;

/**
 * The requests waiting for one route (a host and path prefix) that limits or holds its requests: for a free slot
 * on a target, or for a target at all while the route has none with weight above 0. Shared by every event loop
 * and kept across tables while the route keeps admission settings, so a request keeps its place when a table is
 * published. First in, first out across loops.
 *
 * <p>Whoever frees a slot, publishes a table or queues a request calls {@link #pump}, which takes a slot for the
 * oldest waiting request under the queue's lock and hands both to the request's own event loop. Only routes with
 * admission settings have a queue; the others never touch one.
 */
final class RouteQueue {

    static final RouteQueue[] NONE = new RouteQueue[0];

    private final ArrayDeque<ExchangeWait> waiting = new ArrayDeque<>();
    /** The route's entry in the current table; null once the route left it or lost its admission settings. */
    private volatile RouteEntry entry;
    /** Waiting now; read without the lock by those who only want to know whether to pump. */
    private volatile int size;

    RouteQueue(RouteEntry entry) {
        this.entry = entry;
    }

    RouteEntry entry() {
        return entry;
    }

    /** The route's entry in a newly published table. */
    void entry(RouteEntry current) {
        entry = current;
    }

    int size() {
        return size;
    }

    /**
     * Puts a request at the end of the queue, unless {@code depth} already wait.
     *
     * @return false when the queue is full
     */
    boolean offer(ExchangeWait wait, int depth) {
        synchronized (this) {
            if (waiting.size() >= depth) {
                return false;
            }
            waiting.add(wait);
            size = waiting.size();
        }
        pump();
        return true;
    }

    /** Takes a request out of the queue (its client left or it waited too long); false when it was already sent on. */
    synchronized boolean remove(ExchangeWait wait) {
        boolean removed = waiting.remove(wait);
        size = waiting.size();
        return removed;
    }

    /**
     * Sends on the oldest waiting requests while a target has a free slot. When the route left the table, or has
     * no weighted target and no longer holds, every waiting request is routed again on the current table.
     */
    void pump() {
        if (size == 0) {
            return;
        }
        synchronized (this) {
            RouteEntry current = entry;
            boolean reroute = current == null || (!current.hasWeightedTarget() && !current.admission.holdWhileEmpty());
            while (!waiting.isEmpty()) {
                Backend backend = reroute ? null : current.acquireAny();
                if (backend == null && !reroute) {
                    break;
                }
                waiting.poll().grant(backend);
            }
            size = waiting.size();
        }
    }

    /** The route left the table or lost its admission settings: whoever waits is routed again. */
    void retire() {
        entry = null;
        pump();
    }
}
