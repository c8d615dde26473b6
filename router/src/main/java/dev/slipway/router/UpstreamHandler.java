package dev.slipway.router;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The end of an upstream connection's pipeline: hands the instance's response to the exchange using the
 * connection, and takes the connection out of the pool when it closes while idle.
 */
final class UpstreamHandler extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(UpstreamHandler.class);

    private final UpstreamPool pool;
    private Exchange exchange;
    private String address;

    UpstreamHandler(UpstreamPool pool) {
        this.pool = pool;
    }

    void attach(Exchange owner, String targetAddress) {
        exchange = owner;
        address = targetAddress;
    }

    void detach() {
        exchange = null;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (exchange != null) {
            exchange.onUpstreamMessage(msg);
        } else {
            // An idle connection has nothing to say; whatever it sends (often a 408 before closing) ends it.
            ReferenceCountUtil.release(msg);
            ctx.close();
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        if (exchange != null) {
            exchange.flushClient();
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (exchange != null) {
            exchange.onUpstreamWritabilityChanged();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (exchange != null) {
            exchange.onUpstreamClosed(ctx.channel());
        } else if (address != null) {
            pool.remove(address, ctx.channel());
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debug("Upstream connection {} failed: {}", ctx.channel(), cause.toString());
        if (exchange != null) {
            exchange.onUpstreamClosed(ctx.channel());
        }
        ctx.close();
    }
}
