package dev.slipway.router;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.util.ReferenceCountUtil;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.ArrayDeque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The end of a client connection's pipeline. Runs one {@link Exchange} at a time; requests a client
 * pipelines behind the current one wait here, and reading stops until they can be served.
 */
final class InboundHandler extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(InboundHandler.class);

    private final LoopContext loop;
    private final ClientTimer timer;
    private final ArrayDeque<Object> pipelined = new ArrayDeque<>();
    private ChannelHandlerContext ctx;
    private Deadline deadline;
    private String clientIp;
    /** Whether the peer is a trusted proxy, whose forwarding headers are kept. */
    private final boolean trustedPeer;
    private Exchange exchange;
    private boolean drainScheduled;

    InboundHandler(LoopContext loop, boolean trustedPeer) {
        this.loop = loop;
        this.trustedPeer = trustedPeer;
        this.timer = new ClientTimer(loop.state.options, this);
    }

    /** The handler to put before the HTTP codec. */
    ClientTimer timer() {
        return timer;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext context) {
        ctx = context;
        deadline = new Deadline(context.executor());
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext context) {
        deadline.close();
    }

    /** The connection's one pending exchange timeout. */
    Deadline deadline() {
        return deadline;
    }

    @Override
    public void channelRead(ChannelHandlerContext context, Object msg) {
        if (!pipelined.isEmpty() || (exchange != null && exchange.requestComplete())) {
            pipelined.add(msg);
            updateReading();
            return;
        }
        dispatch(msg);
    }

    private void dispatch(Object msg) {
        if (msg instanceof HttpRequest request) {
            timer.requestStarted();
            Exchange next = new Exchange(loop, this, ctx.channel(), request);
            exchange = next;
            next.start();
            if (msg instanceof HttpContent content) {
                next.onRequestContent(content);
            }
        } else if (msg instanceof HttpContent content && exchange != null) {
            exchange.onRequestContent(content);
        } else {
            ReferenceCountUtil.release(msg);
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext context) {
        if (exchange != null) {
            exchange.flushUpstream();
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext context) {
        if (exchange != null) {
            exchange.onClientWritabilityChanged();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext context) {
        if (exchange != null) {
            exchange.onClientClosed();
        }
        releasePipelined();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
        LOG.debug("Client connection {} failed: {}", context.channel(), cause.toString());
        context.close();
    }

    /** Called by the current exchange once its response is written (or it gave up). */
    void exchangeFinished(Exchange finished, boolean keepAlive) {
        if (finished != exchange) {
            return;
        }
        exchange = null;
        if (!keepAlive) {
            ctx.close();
            releasePipelined();
            return;
        }
        timer.awaitingRequest();
        if (!pipelined.isEmpty()) {
            // Served from a fresh task: finishing can happen inside a write listener of the previous exchange.
            if (!drainScheduled) {
                drainScheduled = true;
                ctx.executor().execute(this::drainPipelined);
            }
        } else {
            updateReading();
        }
    }

    /** The current exchange became a WebSocket tunnel, which takes over the connection. */
    void upgraded() {
        exchange = null;
        releasePipelined();
    }

    /** A request head did not arrive in time: 408, then close. */
    void headTimedOut(long waitedNanos) {
        String requestId = RequestIds.create();
        FullHttpResponse response = ErrorResponses.create(HttpResponseStatus.REQUEST_TIMEOUT,
                "The request head did not arrive within " + Durations.describe(loop.state.options.headerReadTimeout())
                        + ".", requestId, null, ctx.alloc());
        response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        if (loop.accessLog != null) {
            loop.accessLog.append(System.currentTimeMillis(), clientIp(), null, null, null,
                    HttpResponseStatus.REQUEST_TIMEOUT.code(), response.content().readableBytes(), waitedNanos,
                    null, requestId);
        }
        ctx.channel().writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }

    private void drainPipelined() {
        drainScheduled = false;
        while (!pipelined.isEmpty() && (exchange == null || !exchange.requestComplete())) {
            if (!ctx.channel().isActive()) {
                releasePipelined();
                return;
            }
            dispatch(pipelined.poll());
        }
        if (exchange != null) {
            exchange.flushUpstream();
        }
        updateReading();
    }

    /**
     * Reads from the client unless a pipelined request is already waiting or the current exchange cannot take
     * request data right now. Reading goes on once a request is complete, so that a client's next request or
     * its leaving is seen at once, and so that a keep-alive connection costs no change of epoll interest per
     * request.
     */
    void updateReading() {
        boolean read = pipelined.isEmpty()
                && (exchange == null || exchange.requestComplete() || exchange.wantsRequestContent());
        if (ctx.channel().config().isAutoRead() != read) {
            ctx.channel().config().setAutoRead(read);
        }
    }

    /** Whether the connection's peer is a trusted proxy ({@link RouterOptions#trustedProxies()}). */
    boolean trustedPeer() {
        return trustedPeer;
    }

    /** The connection's peer address. */
    String clientIp() {
        if (clientIp == null) {
            SocketAddress remote = ctx.channel().remoteAddress();
            clientIp = remote instanceof InetSocketAddress inet && inet.getAddress() != null
                    ? inet.getAddress().getHostAddress() : "unknown";
        }
        return clientIp;
    }

    private void releasePipelined() {
        Object msg;
        while ((msg = pipelined.poll()) != null) {
            ReferenceCountUtil.release(msg);
        }
    }
}
