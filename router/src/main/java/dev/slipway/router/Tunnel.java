package dev.slipway.router;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpServerCodec;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A WebSocket after its 101: both connections stripped of their HTTP codecs and relaying raw bytes, each side
 * reading only while the other can take more. It stays counted in flight for its target, and in its service's
 * concurrency, until either side closes or nothing moves for the stream idle timeout; then both close.
 */
final class Tunnel implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(Tunnel.class);

    private final Exchange exchange;
    private final Channel client;
    private final Channel upstream;
    private final Backend backend;
    private final long idleTimeout;
    private ScheduledFuture<?> idleCheck;
    private long lastActivity;
    private long bytesToClient;
    private boolean closed;

    private Tunnel(Exchange exchange, Channel upstream, Backend backend) {
        this.exchange = exchange;
        this.client = exchange.client;
        this.upstream = upstream;
        this.backend = backend;
        this.idleTimeout = exchange.loop.state.options.streamIdleTimeout().toNanos();
    }

    /**
     * Switches both connections of {@code exchange} to relaying bytes. Runs on their event loop while the
     * upstream connection delivers the end of its 101, after the 101 was written to the client.
     */
    static void open(Exchange exchange, Channel upstream, Backend backend) {
        Tunnel tunnel = new Tunnel(exchange, upstream, backend);
        Channel client = exchange.client;
        // Encoders go first and handlers are replaced before the decoders go: removing a decoder hands on the
        // bytes it still holds (an instance may send its first frame with the 101), and they must reach the
        // tunnel and pass the other side's pipeline as raw bytes.
        client.pipeline().get(HttpServerCodec.class).removeOutboundHandler();
        upstream.pipeline().get(HttpClientCodec.class).removeOutboundHandler();
        client.pipeline().replace(InboundHandler.class, "tunnel", new TunnelHandler(tunnel, upstream, true));
        upstream.pipeline().replace(UpstreamHandler.class, "tunnel", new TunnelHandler(tunnel, client, false));
        client.pipeline().remove(ClientTimer.class);
        client.pipeline().remove(HttpServerCodec.class);
        upstream.pipeline().remove(HttpClientCodec.class);
        upstream.config().setAutoRead(client.isWritable());
        client.config().setAutoRead(upstream.isWritable());
        tunnel.lastActivity = System.nanoTime();
        tunnel.schedule(tunnel.idleTimeout);
        if (!client.isActive() || !upstream.isActive()) {
            tunnel.close();
        }
    }

    void relayed(int bytes, boolean fromClient) {
        lastActivity = System.nanoTime();
        if (!fromClient) {
            bytesToClient += bytes;
        }
    }

    @Override
    public void run() {
        idleCheck = null;
        if (closed) {
            return;
        }
        long idle = System.nanoTime() - lastActivity;
        if (idle >= idleTimeout) {
            LOG.debug("WebSocket to {} idle for {} ms; closing", backend, TimeUnit.NANOSECONDS.toMillis(idle));
            close();
        } else {
            schedule(idleTimeout - idle);
        }
    }

    private void schedule(long delayNanos) {
        idleCheck = client.eventLoop().schedule(this, delayNanos, TimeUnit.NANOSECONDS);
    }

    /** Closes both connections once what each was sent is flushed, and stops counting the WebSocket. */
    void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (idleCheck != null) {
            idleCheck.cancel(false);
        }
        client.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
        upstream.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
        backend.decrement();
        exchange.record.tunnelClosed(bytesToClient);
    }
}
