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

/**
 * The state one event loop owns: its upstream connection pool, its target picker and the bootstrap that
 * opens upstream connections on it. Used only from its loop, so nothing here locks.
 */
final class LoopContext {

    final EventLoop loop;
    final RouterState state;
    final UpstreamPool pool;
    final WeightedPicker picker = new WeightedPicker();
    private final Bootstrap upstream;

    LoopContext(EventLoop loop, RouterState state, Transport transport) {
        this.loop = loop;
        this.state = state;
        this.pool = new UpstreamPool(state.options.upstreamIdleTimeout().toNanos());
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
    }

    /** Opens a new upstream connection on this loop. */
    ChannelFuture connect(InetSocketAddress address) {
        return upstream.connect(address);
    }

    /** Runs on this loop once a new table is published. */
    void onPublished(PublishedRoutes routes) {
        picker.reset();
        pool.retainOnly(routes.table().addresses());
    }

    private static int connectTimeoutMillis(RouterOptions options) {
        return (int) Math.min(Integer.MAX_VALUE, options.connectTimeout().toMillis());
    }
}
