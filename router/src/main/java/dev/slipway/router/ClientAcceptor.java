package dev.slipway.router;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Admits each new client connection, or closes it at once: beyond {@link RouterOptions#maxConnections()} open
 * connections, or beyond {@link RouterOptions#maxConnectionsPerClient()} from one address that is not a trusted
 * proxy. Refusals are counted in the metrics and logged at most once per {@link Router#REFUSAL_WARNING_INTERVAL}
 * for each limit. An admitted connection learns whether its peer is a trusted proxy and gets its pipeline.
 */
final class ClientAcceptor extends ChannelInitializer<SocketChannel> {

    private static final Logger LOG = LoggerFactory.getLogger(Router.class);

    private final RouterOptions options;
    private final RouterState state;
    private final Map<EventLoop, LoopContext> byLoop;
    /** Null when there is no per-client cap. */
    private final ClientConnections perClient;
    private final AtomicLong lastRouterWarning = new AtomicLong(System.nanoTime() - Router.REFUSAL_WARNING_INTERVAL.toNanos());
    private final AtomicLong lastClientWarning = new AtomicLong(System.nanoTime() - Router.REFUSAL_WARNING_INTERVAL.toNanos());

    ClientAcceptor(RouterState state, Map<EventLoop, LoopContext> byLoop) {
        this.options = state.options;
        this.state = state;
        this.byLoop = byLoop;
        this.perClient = options.maxConnectionsPerClient() == 0 ? null
                : new ClientConnections(options.maxConnectionsPerClient());
    }

    @Override
    protected void initChannel(SocketChannel channel) {
        if (state.connections.incrementAndGet() > options.maxConnections()) {
            state.connections.decrementAndGet();
            state.metrics.refusedConnection(RouterMetrics.LIMIT_ROUTER);
            if (due(lastRouterWarning)) {
                LOG.warn("Closing new client connections: {} are open, the most allowed (maxConnections)",
                        options.maxConnections());
            }
            channel.close();
            return;
        }
        channel.closeFuture().addListener(state.connectionClosed);
        InetSocketAddress remote = channel.remoteAddress();
        InetAddress peer = remote == null ? null : remote.getAddress();
        boolean trusted = peer != null && options.trustedProxies().trusts(peer);
        if (perClient != null && peer != null && !trusted) {
            ChannelFutureListener release = perClient.tryOpen(peer);
            if (release == null) {
                state.metrics.refusedConnection(RouterMetrics.LIMIT_CLIENT);
                if (due(lastClientWarning)) {
                    LOG.warn("Closing new connections from {}: it has {} open, the most allowed from one client "
                            + "address (maxConnectionsPerClient)", peer.getHostAddress(),
                            options.maxConnectionsPerClient());
                }
                channel.close();
                return;
            }
            channel.closeFuture().addListener(release);
        }
        InboundHandler inbound = new InboundHandler(byLoop.get(channel.eventLoop()), trusted);
        channel.pipeline().addLast(inbound.timer(), new HttpServerCodec(), inbound);
    }

    /** Whether a warning is due now, claiming it when it is. */
    private static boolean due(AtomicLong lastWarning) {
        long now = System.nanoTime();
        long last = lastWarning.get();
        return now - last >= Router.REFUSAL_WARNING_INTERVAL.toNanos() && lastWarning.compareAndSet(last, now);
    }
}
