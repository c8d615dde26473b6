package dev.slipway.router;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.LastHttpContent;
import java.util.ArrayDeque;

/**
 * The upstream side of one exchange: which connection carries the request and how much of the request has
 * gone out on it. Reuses an idle pooled connection or opens one, queues body parts while connecting, and
 * sends the request head again when a connection is replaced. Runs on the exchange's loop.
 */
final class UpstreamLink {

    private final LoopContext loop;
    private final Exchange exchange;
    private final HttpRequest request;
    private Backend backend;
    private Channel channel;
    private UpstreamHandler handler;
    private boolean reused;
    private boolean connecting;
    /** The request waits in its route's queue: body parts are kept until it is sent. */
    private boolean holding;
    /** Identifies the latest connection attempt, so a late result of an abandoned one is discarded. */
    private int attempt;
    private ArrayDeque<HttpContent> pending;
    private boolean bodyForwarded;
    private boolean requestSent;

    UpstreamLink(LoopContext loop, Exchange exchange, HttpRequest request) {
        this.loop = loop;
        this.exchange = exchange;
        this.request = request;
    }

    /** Sends the request to {@code target}, over an idle pooled connection when there is one. */
    void open(Backend target) {
        backend = target;
        holding = false;
        Channel pooled = loop.pool.acquire(target.address);
        if (pooled != null) {
            // Runs while the client's read is handled; the flush at the end of that read sends head and body together.
            attach(pooled, true, false);
        } else {
            connect();
        }
    }

    /**
     * Sends the request over a new connection to {@code target}, which may differ from the first; valid while
     * no body byte went out.
     */
    void reopen(Backend target) {
        backend = target;
        holding = false;
        if (requestSent) {
            requestSent = false;
            enqueue(LastHttpContent.EMPTY_LAST_CONTENT);
        }
        connect();
    }

    private void connect() {
        connecting = true;
        int current = ++attempt;
        exchange.updateClientReading();
        loop.connect(backend.socket()).addListener((ChannelFutureListener) future -> onConnected(future, current));
    }

    private void onConnected(ChannelFuture future, int which) {
        if (!connecting || which != attempt) {
            future.channel().close();
            return;
        }
        connecting = false;
        if (future.isSuccess()) {
            attach(future.channel(), false, true);
        } else {
            exchange.onConnectFailed(backend, future.cause());
        }
    }

    private void attach(Channel upstream, boolean pooled, boolean flush) {
        channel = upstream;
        reused = pooled;
        // Last in every upstream pipeline (see LoopContext); last() saves a walk of the pipeline per request.
        handler = (UpstreamHandler) upstream.pipeline().last();
        handler.attach(exchange, backend.address);
        upstream.config().setAutoRead(exchange.clientWritable());
        upstream.write(request, upstream.voidPromise());
        if (pending != null) {
            HttpContent content;
            while ((content = pending.poll()) != null) {
                forward(content);
            }
        }
        if (flush) {
            upstream.flush();
        }
        exchange.updateClientReading();
    }

    /** Keeps the body parts that arrive from now on until the request is sent ({@link #open}, {@link #reopen}). */
    void hold() {
        holding = true;
    }

    /**
     * Sends part of the request body, or queues it while connecting or holding; false when no connection will
     * take it.
     */
    boolean offer(HttpContent content) {
        if (connecting || holding) {
            enqueue(content);
            return true;
        }
        if (channel == null) {
            return false;
        }
        forward(content);
        return true;
    }

    private void enqueue(HttpContent content) {
        if (pending == null) {
            pending = new ArrayDeque<>();
        }
        pending.add(content);
    }

    private void forward(HttpContent content) {
        if (content.content().isReadable()) {
            bodyForwarded = true;
        }
        if (content instanceof LastHttpContent) {
            requestSent = true;
        }
        channel.write(content, channel.voidPromise());
    }

    /**
     * Lets go of the connection: back to the pool when {@code reusable} and its target is still routed (a
     * publish may have removed it meanwhile), closed otherwise.
     */
    void release(boolean reusable) {
        if (channel == null) {
            return;
        }
        Channel upstream = channel;
        channel = null;
        handler.detach();
        handler = null;
        if (reusable && !backend.retired()) {
            upstream.config().setAutoRead(true);
            loop.pool.release(backend.address, upstream);
        } else {
            upstream.close();
        }
    }

    /** Gives the connection up to a WebSocket tunnel, which owns it from now on. */
    Channel handOver() {
        Channel upstream = channel;
        channel = null;
        handler.detach();
        handler = null;
        return upstream;
    }

    /** Gives up: closes the connection, abandons a connection attempt and drops the queued body. */
    void close() {
        release(false);
        connecting = false;
        holding = false;
        if (pending != null) {
            HttpContent content;
            while ((content = pending.poll()) != null) {
                content.release();
            }
        }
    }

    boolean owns(Channel upstream) {
        return upstream == channel;
    }

    boolean connecting() {
        return connecting;
    }

    /** True unless the connection's outbound buffer is full. */
    boolean writable() {
        return channel == null || channel.isWritable();
    }

    boolean reused() {
        return reused;
    }

    boolean bodyForwarded() {
        return bodyForwarded;
    }

    /** True once the whole request, up to its last part, was written to the connection. */
    boolean requestSent() {
        return requestSent;
    }

    void readResponses(boolean read) {
        if (channel != null) {
            channel.config().setAutoRead(read);
        }
    }

    void flush() {
        if (channel != null) {
            channel.flush();
        }
    }
}
