package dev.slipway.router;

import java.util.concurrent.RejectedExecutionException;

/**
 * An exchange's place in a {@link RouteQueue}. Made only for a request that has to wait. The queue grants it a
 * target, whose slot is already taken, and runs it on the exchange's own event loop, which sends the request
 * there; or grants it none, and the exchange is routed again on the current table.
 */
final class ExchangeWait implements Runnable {

    final Exchange exchange;
    final RouteQueue queue;
    /** Whether the route had no weighted target when the request began to wait. */
    final boolean holding;
    /** Set under the queue's lock, read on the exchange's loop after the handover. */
    private Backend granted;

    ExchangeWait(Exchange exchange, RouteQueue queue, boolean holding) {
        this.exchange = exchange;
        this.queue = queue;
        this.holding = holding;
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

    @Override
    public void run() {
        exchange.admitted(this, granted);
    }
}
