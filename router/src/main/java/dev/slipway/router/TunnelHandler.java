package dev.slipway.router;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One side of a {@link Tunnel}: relays what its connection reads to the peer, and pauses while the peer is full. */
final class TunnelHandler extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(TunnelHandler.class);

    private final Tunnel tunnel;
    private final Channel peer;
    private final boolean fromClient;

    TunnelHandler(Tunnel tunnel, Channel peer, boolean fromClient) {
        this.tunnel = tunnel;
        this.peer = peer;
        this.fromClient = fromClient;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof ByteBuf bytes)) {
            // What a removed codec had decoded but not yet delivered: the empty end of the handshake.
            ReferenceCountUtil.release(msg);
            return;
        }
        tunnel.relayed(bytes.readableBytes(), fromClient);
        peer.write(bytes, peer.voidPromise());
        if (!peer.isWritable()) {
            ctx.channel().config().setAutoRead(false);
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        peer.flush();
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (ctx.channel().isWritable()) {
            peer.config().setAutoRead(true);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        tunnel.close();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debug("WebSocket connection {} failed: {}", ctx.channel(), cause.toString());
        tunnel.close();
    }
}
