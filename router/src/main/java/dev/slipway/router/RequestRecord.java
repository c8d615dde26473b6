package dev.slipway.router;

import io.netty.handler.codec.http.HttpHeaderNames;

/**
 * What one exchange counts and records: its place in its target's in-flight count, its service's counts and
 * metrics and its access log line. The in-flight count is held from routing until the response is written (a WebSocket
 * hands it to its tunnel); metrics and the log line are written once, when the exchange ends.
 */
final class RequestRecord {

    private final Exchange exchange;
    final long startNanos = System.nanoTime();
    /** The route the request matched; null when the router answered before routing. */
    RouteEntry route;
    /** The status sent to the client, 0 until a response head went out. */
    int status;
    long responseBytes;
    private Backend counted;
    private String target;
    private boolean recorded;
    /** True while the request waits in its route's queue, when it does not count in its service's in-flight. */
    private boolean waiting;

    RequestRecord(Exchange exchange) {
        this.exchange = exchange;
    }

    void routed(RouteEntry entry) {
        route = entry;
        entry.counts.started(exchange.loop.index);
    }

    /** The request began to wait in its route's queue: its service no longer counts it in flight. */
    void waitStarted() {
        waiting = true;
        route.counts.inFlight(exchange.loop.index, -1);
    }

    /** The request left the queue to be sent: in flight again. */
    void waitEnded() {
        waiting = false;
        route.counts.inFlight(exchange.loop.index, 1);
    }

    /**
     * Holds the in-flight count that {@link RouteEntry#acquire} took on {@code backend} for this request, giving up
     * the one it held before.
     */
    void holds(Backend backend) {
        if (backend == counted) {
            backend.decrement();
            return;
        }
        uncount();
        counted = backend;
        target = backend.address;
    }

    void uncount() {
        if (counted != null) {
            counted.decrement();
            counted = null;
        }
    }

    /** The backend counted now, or null. */
    Backend counted() {
        return counted;
    }

    /** Records the finished request in the metrics and the access log, once. */
    void finished() {
        if (recorded) {
            return;
        }
        recorded = true;
        if (route != null) {
            if (route.metrics != null) {
                route.metrics.responded(exchange.loop, status, System.nanoTime() - startNanos);
            }
            if (!waiting) {
                route.counts.inFlight(exchange.loop.index, -1);
            }
        }
        log();
    }

    /**
     * The request became a WebSocket: its response is counted now, and the in-flight count passes to the
     * tunnel, which returns it with {@link #tunnelClosed}.
     */
    Backend switched() {
        recorded = true;
        if (route.metrics != null) {
            route.metrics.responded(exchange.loop, status, System.nanoTime() - startNanos);
        }
        Backend backend = counted;
        counted = null;
        return backend;
    }

    void tunnelClosed(long bytesToClient) {
        responseBytes = bytesToClient;
        route.counts.inFlight(exchange.loop.index, -1);
        log();
    }

    private void log() {
        LoopContext loop = exchange.loop;
        if (loop.accessLog != null) {
            loop.accessLog.append(System.currentTimeMillis(), exchange.inbound.clientIp(),
                    exchange.request.headers().get(HttpHeaderNames.HOST), exchange.request.method().name(),
                    exchange.request.uri(), status, responseBytes, System.nanoTime() - startNanos, target,
                    exchange.clientRequest.requestId());
        }
    }
}
