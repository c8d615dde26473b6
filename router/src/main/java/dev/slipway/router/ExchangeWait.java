package dev.slipway.router;

import io.netty.handler.codec.http.HttpHeaderNames;
import java.util.concurrent.RejectedExecutionException;

/**
 * An exchange's wait in a {@link RouteQueue}, from joining the queue to leaving it. Made only for a request that
 * has to wait; routes without admission settings never make one. The queue grants it a target, whose slot is
 * already taken, and runs it on the exchange's own event loop, which sends the request there; or grants it none,
 * and the request is routed again on the current table. Apart from {@link #grant}, every method runs on the
 * exchange's event loop.
 */
final class ExchangeWait implements Runnable {

    final Exchange exchange;
    final RouteQueue queue;
    /** Whether the route had no weighted target when the request began to wait. */
    final boolean holding;
    /** Set under the queue's lock, read on the exchange's loop after the handover. */
    private Backend granted;

    private ExchangeWait(Exchange exchange, RouteQueue queue, boolean holding) {
        this.exchange = exchange;
        this.queue = queue;
        this.holding = holding;
    }

    /**
     * Puts the request in its route's queue, or answers 429 (503 while the route holds) when the queue is full.
     *
     * @return false when the request may not wait: the route has no healthy target, or none at all and does not
     *         hold
     */
    static boolean start(Exchange exchange, RouteEntry entry, RouteQueue queue) {
        boolean holding = !entry.hasWeightedTarget();
        if (holding ? !entry.admission.holdWhileEmpty() : !entry.hasHealthyTarget()) {
            return false;
        }
        ExchangeWait wait = new ExchangeWait(exchange, queue, holding);
        exchange.wait = wait;
        if (!queue.offer(wait, entry.admission.queueDepth())) {
            exchange.wait = null;
            exchange.replies().notAdmitted(holding, entry.admission.queueDepth(), null);
            return true;
        }
        exchange.record.waitStarted();
        exchange.upstream.hold();
        exchange.timer.queued(entry.admission.queueTimeout().toNanos());
        if (holding) {
            exchange.loop.state.queues.held();
        }
        exchange.inbound.updateReading();
        return true;
    }

    /** Called by the queue, which has taken this wait out: hands {@code backend} (or null: route again) over. */
    void grant(Backend backend) {
        granted = backend;
        try {
            exchange.loop.loop.execute(this);
        } catch (RejectedExecutionException e) {
            // The router is closing; its connections close with it.
        }
    }

    /** The handover, on the exchange's loop. */
    @Override
    public void run() {
        admitted(granted);
    }

    /**
     * The queue let the request go: to {@code backend}, whose slot it took for the request, or, when null, to
     * wherever the current table routes it. A request that gave up meanwhile hands the slot back.
     */
    private void admitted(Backend backend) {
        if (exchange.wait != this || exchange.finished()) {
            release(backend);
            return;
        }
        exchange.wait = null;
        exchange.record.waitEnded();
        if (!exchange.client.isActive()) {
            release(backend);
            exchange.abort();
            return;
        }
        exchange.timer.startRequest(System.nanoTime(), exchange.record.route.requestTimeoutNanos);
        if (backend == null) {
            reroute();
        } else {
            exchange.send(backend);
        }
        exchange.upstream.flush();
        exchange.inbound.updateReading();
    }

    /**
     * Routes the request on the current table, which no longer gives its route a queue: as if it arrived now, so
     * that a host (or path) the table no longer routes gets the same 404 as a new request, not a 502.
     */
    private void reroute() {
        RouteEntry current = exchange.currentEntry();
        if (current == null) {
            exchange.replies().unrouted(exchange.request.headers().get(HttpHeaderNames.HOST));
        } else {
            exchange.routeTo(current);
        }
    }

    private static void release(Backend backend) {
        if (backend != null) {
            backend.decrement();
        }
    }

    /** The request waited its route's queue timeout: 429, or 503 when the route holds for a service starting. */
    void timedOut() {
        int waiting = queue.size();
        if (!queue.remove(this)) {
            return;
        }
        exchange.wait = null;
        RouteEntry entry = queue.entry();
        boolean stillHolding = entry == null ? holding : !entry.hasWeightedTarget();
        exchange.replies().notAdmitted(stillHolding, waiting, exchange.record.route.admission.queueTimeout());
    }

    /** Takes the request out of the queue (it is answered or gone); a slot granted meanwhile is handed back. */
    void leave() {
        queue.remove(this);
        exchange.wait = null;
    }
}
