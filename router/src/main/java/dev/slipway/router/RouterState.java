package dev.slipway.router;

import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What every event loop of one router shares: the options, the backends with their in-flight counts, the
 * count of client connections, the services' counts and metrics, the route queues, the access log writer and the
 * current routes.
 */
final class RouterState {

    final RouterOptions options;
    final Backends backends = new Backends();
    final AtomicInteger connections = new AtomicInteger();
    /** Counts a client connection down when it closes; one listener for all of them. */
    final ChannelFutureListener connectionClosed = (ChannelFuture future) -> connections.decrementAndGet();
    final RouterMetrics metrics;
    final ServiceLoads loads;
    final RouteQueues queues = new RouteQueues();
    /** Null when the access log is off. */
    final AccessLog accessLog;
    private volatile RoutingSnapshot routes = RoutingSnapshot.EMPTY;

    RouterState(RouterOptions options) {
        this.options = options;
        this.loads = new ServiceLoads(options.eventLoops());
        this.metrics = new RouterMetrics(options.meterRegistry(), options.eventLoops(), connections);
        this.accessLog = options.accessLog() == null ? null : new AccessLog(options.accessLog());
    }

    /** The latest published routes, for threads other than the event loops. */
    RoutingSnapshot routes() {
        return routes;
    }

    void routes(RoutingSnapshot next) {
        routes = next;
    }
}
