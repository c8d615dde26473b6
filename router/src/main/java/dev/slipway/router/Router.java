package dev.slipway.router;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.Future;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running reverse proxy: routes each request by its Host header and path to one target of the current
 * {@link RouteTable}. Thread-safe; {@link #publish} may be called from any thread that is not one of the
 * router's own event loops.
 *
 * <p>A zero-downtime switch from an old instance to a new one: {@code publish} a table without the old
 * target, then {@code awaitDrained(old, timeout)}, then stop the old instance.
 */
public final class Router implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Router.class);
    static final WriteBufferWaterMark WRITE_BUFFER_WATER_MARK = new WriteBufferWaterMark(32 * 1024, 64 * 1024);
    static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(5);
    private static final String THREAD_POOL_NAME = "slipway-router";
    static final int ACCEPT_BACKLOG = 1024;
    /** At most one warning about refused connections this often. */
    static final Duration REFUSAL_WARNING_INTERVAL = Duration.ofSeconds(10);

    private final RouterState state;
    private final EventLoopGroup group;
    private final List<LoopContext> loops;
    private final Channel serverChannel;
    private final int port;
    private final Object lifecycle = new Object();
    private boolean closed;

    private Router(RouterState state, EventLoopGroup group, List<LoopContext> loops, Channel serverChannel) {
        this.state = state;
        this.group = group;
        this.loops = loops;
        this.serverChannel = serverChannel;
        this.port = ((InetSocketAddress) serverChannel.localAddress()).getPort();
    }

    /**
     * Starts a router listening on {@code options.port()} (0 picks a free port) with an empty route table.
     *
     * @throws IllegalStateException when the address cannot be bound
     */
    public static Router start(RouterOptions options) {
        return start(options, Transport.detect());
    }

    static Router start(RouterOptions options, Transport transport) {
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(options.eventLoops(),
                new DefaultThreadFactory(THREAD_POOL_NAME), transport.ioHandlerFactory());
        RouterState state = new RouterState(options);
        try {
            Map<EventLoop, LoopContext> byLoop = new IdentityHashMap<>();
            for (EventExecutor executor : group) {
                EventLoop loop = (EventLoop) executor;
                byLoop.put(loop, new LoopContext(loop, byLoop.size(), state, transport));
            }
            Channel server = bind(options, transport, group, byLoop, state);
            LOG.info("Router listening on {} with {} {} event loop(s)",
                    server.localAddress(), options.eventLoops(), transport.name());
            return new Router(state, group, List.copyOf(byLoop.values()), server);
        } catch (RuntimeException e) {
            group.shutdownGracefully(0, SHUTDOWN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            if (state.accessLog != null) {
                state.accessLog.close();
            }
            state.metrics.close();
            throw e;
        }
    }

    private static Channel bind(RouterOptions options, Transport transport, EventLoopGroup group,
                                Map<EventLoop, LoopContext> byLoop, RouterState state) {
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(group)
                .channel(transport.serverChannelType())
                .option(ChannelOption.SO_BACKLOG, ACCEPT_BACKLOG)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, WRITE_BUFFER_WATER_MARK)
                .childHandler(new ClientAcceptor(state, byLoop));
        try {
            return bootstrap.bind(options.bindAddress(), options.port()).syncUninterruptibly().channel();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot listen on " + options.bindAddress().getHostAddress() + ":"
                    + options.port() + " (" + e.getMessage() + "); choose a free port or stop what holds it", e);
        }
    }

    /** The port the router listens on. */
    public int port() {
        return port;
    }

    /**
     * Atomically replaces the route table; requests already under way keep their target.
     *
     * <p>Returns once every event loop has seen the new table. From then on no new request goes to a
     * target absent from {@code table}, and every request still bound for an old target is counted in
     * {@link #inFlight}. Idle upstream connections to targets no longer in the table are closed. Host names
     * in target addresses are looked up here, on the calling thread. Requests waiting in route queues are looked
     * at again: those of a route that now has targets (with free slots) are sent, oldest first.
     *
     * @throws IllegalStateException when the router is closed or the caller is one of its event loops
     */
    public void publish(RouteTable table) {
        Objects.requireNonNull(table, "table");
        synchronized (lifecycle) {
            if (closed) {
                throw new IllegalStateException("The router is closed; start a new router to publish routes");
            }
            for (LoopContext loop : loops) {
                if (loop.loop.inEventLoop()) {
                    throw new IllegalStateException("publish waits for the router's event loops; "
                            + "call it from another thread, not from a request handler");
                }
            }
            RoutingSnapshot next = RoutingSnapshot.build(table, state);
            state.routes(next);
            List<Future<?>> seen = new ArrayList<>(loops.size());
            for (LoopContext loop : loops) {
                seen.add(loop.loop.submit(() -> loop.onPublished(next)));
            }
            for (Future<?> future : seen) {
                future.awaitUninterruptibly();
            }
            state.backends.forgetIdle(table.addresses());
            state.queues.published();
        }
        LOG.info("Published {} route(s)", table.routes().size());
    }

    /** The table currently in use. */
    public RouteTable routes() {
        return state.routes().table();
    }

    /** Requests currently in flight to a target address ({@code host:port}), open WebSockets included. */
    public int inFlight(String address) {
        return state.backends.inFlight(address);
    }

    /**
     * Waits until no request or WebSocket is in flight to {@code address}, at most {@code timeout}. Call it
     * after publishing a table without the address; before that, new requests may keep arriving.
     *
     * @return true when drained, false when the timeout passed first
     */
    public boolean awaitDrained(String address, Duration timeout) throws InterruptedException {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(timeout, "timeout");
        return state.backends.awaitZero(address, timeout);
    }

    /**
     * Waits for demand for services without instances, for a control plane thread (never an event loop). Returns
     * at once when the demand generation is already above {@code after}, or below it (the caller saw a router
     * before it restarted), else when a request starts waiting on a
     * route that holds while it has no target with weight above 0 ({@link Admission#holdWhileEmpty()}), or when
     * {@code timeout} passes.
     *
     * @param after   the generation last seen; 0 at first
     * @param timeout the longest wait
     * @return the generation now and the services with requests waiting for an instance now (empty after a
     *         timeout with nothing waiting)
     */
    public Demand awaitDemand(long after, Duration timeout) throws InterruptedException {
        Objects.requireNonNull(timeout, "timeout");
        return state.queues.awaitDemand(after, timeout);
    }

    /**
     * The load of every service of the current table, by service name, services without requests included: the
     * requests routed to it, those in flight and waiting now, and those in flight to each target. Cheap enough to
     * read every second; works without a meter registry.
     */
    public Map<String, ServiceLoad> load() {
        return ServiceLoads.of(state.routes());
    }

    /** Client connections open now. */
    public int openConnections() {
        return state.connections.get();
    }

    /**
     * Stops listening, closes every connection (requests in flight fail, WebSockets close) and stops the
     * event loops, after handing the access log what it holds. Idempotent; do not call it from one of the
     * router's event loops.
     */
    @Override
    public void close() {
        synchronized (lifecycle) {
            if (closed) {
                return;
            }
            closed = true;
        }
        long patience = SHUTDOWN_TIMEOUT.toMillis();
        if (!serverChannel.close().awaitUninterruptibly(patience)) {
            LOG.warn("The listening socket on port {} did not close within {} ms", port, patience);
        }
        // Bounded, so that a stuck event loop cannot keep the process from exiting; its stack is logged instead.
        if (group.shutdownGracefully(0, patience, TimeUnit.MILLISECONDS).awaitUninterruptibly(2 * patience)) {
            // The loops have stopped, so this thread may hand over what their access log buffers still hold.
            loops.forEach(LoopContext::onClose);
        } else {
            logStuckLoops();
        }
        if (state.accessLog != null) {
            state.accessLog.close();
        }
        state.metrics.close();
        LOG.info("Router on port {} closed", port);
    }

    private void logStuckLoops() {
        for (LoopContext context : loops) {
            Thread thread = context.thread;
            if (thread != null && thread.isAlive()) {
                StringBuilder trace = new StringBuilder();
                for (StackTraceElement frame : thread.getStackTrace()) {
                    trace.append("\n\tat ").append(frame);
                }
                LOG.warn("Event loop {} did not stop within {} ms; closing without it:{}", thread.getName(),
                        2 * SHUTDOWN_TIMEOUT.toMillis(), trace);
            } else if (thread != null) {
                LOG.warn("Event loop {} ended without finishing its shutdown; see its error above", thread.getName());
            }
        }
    }
}
