package dev.slipway.router;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.resolver.NoopAddressResolverGroup;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * The state one event loop owns: its copy of the current routes, its upstream connection pool, its access log
 * buffer and the bootstraps that open upstream connections and health probes on it. Used only from its loop,
 * so nothing here locks.
 */
final class LoopContext {

    final EventLoop loop;
    /** This loop's row in each route's round-robin scores. */
    final int index;
    final RouterState state;
    final UpstreamPool pool;
    /** Null when the access log is off. */
    final AccessLogBuffer accessLog;
    /** The requests finished on this loop, on their way to their services' meters. */
    final MetricsBatch metrics;
    private final Bootstrap upstream;
    private final Bootstrap probes;
    /** The loop's thread once it has started, for a report when the loop does not stop. */
    volatile Thread thread;
    /** Set by {@link #onPublished} on this loop, so requests read the routes without a volatile read. */
    private RoutingSnapshot routes = RoutingSnapshot.EMPTY;

    LoopContext(EventLoop loop, int index, RouterState state, Transport transport) {
        this.loop = loop;
        this.index = index;
        this.state = state;
        this.pool = new UpstreamPool(state.options.upstreamIdleTimeout().toNanos());
        this.accessLog = state.accessLog == null ? null : new AccessLogBuffer(state.accessLog);
        this.metrics = new MetricsBatch(loop, index);
        this.upstream = new Bootstrap()
                .group(loop)
                .channel(transport.channelType())
                .resolver(NoopAddressResolverGroup.INSTANCE)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, connectTimeoutMillis(state.options))
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.WRITE_BUFFER_WATER_MARK, Router.WRITE_BUFFER_WATER_MARK)
                .handler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel channel) {
                        channel.pipeline().addLast(new HttpClientCodec(), new UpstreamHandler(pool));
                    }
                });
        this.probes = upstream.clone().handler(new ChannelInitializer<Channel>() {
            @Override
            protected void initChannel(Channel channel) {
                // A probe only checks that the instance accepts connections, and closes at once.
            }
        });
        loop.execute(() -> thread = Thread.currentThread());
        long idleTimeout = state.options.upstreamIdleTimeout().toNanos();
        loop.scheduleAtFixedRate(pool::closeExpired, idleTimeout, idleTimeout, TimeUnit.NANOSECONDS);
        if (accessLog != null) {
            long interval = AccessLog.FLUSH_INTERVAL.toNanos();
            loop.scheduleAtFixedRate(accessLog::flush, interval, interval, TimeUnit.NANOSECONDS);
        }
    }

    RoutingSnapshot routes() {
        return routes;
    }

    /** Opens a new upstream connection on this loop. */
    ChannelFuture connect(InetSocketAddress address) {
        return upstream.connect(address);
    }

    /** Starts probing a backend that refused a connection, until it accepts one or leaves the routes. */
    void probe(Backend backend) {
        loop.schedule(new HealthProbe(this, backend), state.options.healthProbeInterval().toNanos(), TimeUnit.NANOSECONDS);
    }

    ChannelFuture connectProbe(InetSocketAddress address) {
        return probes.connect(address);
    }

    /** Runs on this loop once a new table is published. */
    void onPublished(RoutingSnapshot next) {
        routes = next;
        pool.retainOnly(next.table().addresses());
    }

    /** Runs on this loop before the router stops. */
    void onClose() {
        if (accessLog != null) {
            accessLog.flush();
        }
    }

    private static int connectTimeoutMillis(RouterOptions options) {
        return (int) Math.min(Integer.MAX_VALUE, options.connectTimeout().toMillis());
    }
}
