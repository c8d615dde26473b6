package dev.slipway.router;

import java.time.Duration;

/**
 * A running reverse proxy: routes each request by its Host header to one target of the current
 * {@link RouteTable}. Thread-safe; {@link #publish} may be called from any thread.
 */
public final class Router implements AutoCloseable {

    /** Starts a router listening on {@code options.port()} (0 picks a free port). */
    public static Router start(RouterOptions options) {
        throw new UnsupportedOperationException("not yet");
    }

    /** The port the router listens on. */
    public int port() {
        throw new UnsupportedOperationException("not yet");
    }

    /** Atomically replaces the route table; requests already under way keep their target. */
    public void publish(RouteTable table) {
        throw new UnsupportedOperationException("not yet");
    }

    public RouteTable routes() {
        throw new UnsupportedOperationException("not yet");
    }

    /** Requests currently in flight to a target address ({@code host:port}). */
    public int inFlight(String address) {
        throw new UnsupportedOperationException("not yet");
    }

    /**
     * Waits until no request is in flight to {@code address}, at most {@code timeout}.
     *
     * @return true when drained, false when the timeout passed first
     */
    public boolean awaitDrained(String address, Duration timeout) throws InterruptedException {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public void close() {
    }
}
