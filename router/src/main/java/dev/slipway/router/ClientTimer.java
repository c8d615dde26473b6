package dev.slipway.router;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The timeouts of a client connection between exchanges: a new connection must deliver its first request head
 * within the header read timeout (else it is closed), a head once begun must be complete within it (else 408
 * and close), and a kept-alive connection may idle for the client idle timeout (then it is closed). Sits before
 * the HTTP codec to see when bytes of a head arrive.
 *
 * <p>One check task per connection, which never waits longer than the shorter of the two timeouts and looks at
 * the phase when it runs; a request only updates two fields, so there is no scheduling per request. A phase that
 * begins between checks is seen at the next one, in time to be timed from its start.
 */
final class ClientTimer extends ChannelInboundHandlerAdapter implements Runnable {

    private static final int NEW = 0;
    private static final int WAITING = 1;
    private static final int HEAD = 2;
    private static final int BUSY = 3;

    private final long headerTimeout;
    private final long idleTimeout;
    /** The longest the check task waits, no longer than either timeout so that neither fires late. */
    private final long checkInterval;
    private final InboundHandler inbound;
    private ChannelHandlerContext ctx;
    private ScheduledFuture<?> check;
    private int phase = NEW;
    private long since;

    ClientTimer(RouterOptions options, InboundHandler inbound) {
        this.headerTimeout = options.headerReadTimeout().toNanos();
        this.idleTimeout = options.clientIdleTimeout().toNanos();
        this.checkInterval = Math.min(headerTimeout, idleTimeout);
        this.inbound = inbound;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext context) {
        ctx = context;
    }

    @Override
    public void channelActive(ChannelHandlerContext context) {
        since = System.nanoTime();
        schedule(checkInterval);
        context.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext context, Object msg) {
        if (phase == WAITING) {
            phase = HEAD;
            since = System.nanoTime();
        } else if (phase == NEW) {
            phase = HEAD;
        }
        context.fireChannelRead(msg);
    }

    /** A complete request head arrived; the exchange's own timeouts apply until it is finished. */
    void requestStarted() {
        phase = BUSY;
    }

    /** The connection waits for the client's next request. */
    void awaitingRequest() {
        phase = WAITING;
        since = System.nanoTime();
    }

    @Override
    public void run() {
        check = null;
        if (!ctx.channel().isActive()) {
            return;
        }
        long now = System.nanoTime();
        switch (phase) {
            case BUSY -> schedule(checkInterval);
            case WAITING -> expireOrWait(since + idleTimeout - now, false);
            case NEW -> expireOrWait(since + headerTimeout - now, false);
            default -> expireOrWait(since + headerTimeout - now, true);
        }
    }

    private void expireOrWait(long left, boolean headStarted) {
        if (left > 0) {
            schedule(Math.min(left, checkInterval));
        } else if (headStarted) {
            inbound.headTimedOut(headerTimeout - left);
        } else {
            ctx.close();
        }
    }

    private void schedule(long delayNanos) {
        check = ctx.executor().schedule(this, delayNanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void channelInactive(ChannelHandlerContext context) {
        cancel();
        context.fireChannelInactive();
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext context) {
        cancel();
    }

    private void cancel() {
        if (check != null) {
            check.cancel(false);
            check = null;
        }
    }
}
