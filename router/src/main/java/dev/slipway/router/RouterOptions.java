package dev.slipway.router;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.OutputStream;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Objects;

/**
 * How a router listens, times out, limits clients, and what it records. The {@code with…} methods return a
 * copy with one value changed.
 *
 * @param bindAddress         the address to listen on
 * @param port                the port to listen on, 0 for any free port
 * @param connectTimeout      how long opening an upstream connection may take
 * @param requestTimeout      how long an instance may take to start its response, counted from the request's
 *                            head; a route may set its own ({@link Route#requestTimeout()})
 * @param eventLoops          how many I/O threads serve connections
 * @param upstreamIdleTimeout how long an upstream connection may sit idle and still be reused; keep it below
 *                            the instances' own keep-alive timeout so the router rarely reuses a connection
 *                            the instance is closing
 * @param clientIdleTimeout   how long a client connection may stay open between requests
 * @param headerReadTimeout   how long a client may take to send a request head once it started (or, on a new
 *                            connection, to start); then it gets 408 and the connection is closed
 * @param streamIdleTimeout   how long a response that has started (a stream, server-sent events) or a
 *                            WebSocket may go without a byte in either direction before both connections close
 * @param maxConnections      the most client connections open at once; further connections are closed at once
 * @param maxConnectionsPerClient the most client connections open at once from one client address, 0 for no cap;
 *                            further connections from that address are closed at once. Trusted proxies are
 *                            exempt: their connections carry many clients
 * @param trustedProxies      the peers whose X-Forwarded-* and Forwarded headers are kept and extended; from any
 *                            other peer they are replaced by what the router saw
 * @param maxRequestBodySize  the largest request body in bytes, answered with 413 beyond it; a route may set its
 *                            own ({@link Route#maxBodySize()})
 * @param healthProbeInterval how often an instance that refused a connection is probed until it accepts one
 *                            again; also the {@code Retry-After} of a 503 for a route with no healthy instance
 * @param accessLog           where to write one line per request, or null for no access log; the router
 *                            writes from its own thread and never closes the stream
 * @param meterRegistry       where to record metrics, or null to record none
 */
public record RouterOptions(InetAddress bindAddress, int port, Duration connectTimeout, Duration requestTimeout,
                            int eventLoops, Duration upstreamIdleTimeout, Duration clientIdleTimeout,
                            Duration headerReadTimeout, Duration streamIdleTimeout, int maxConnections,
                            int maxConnectionsPerClient, TrustedProxies trustedProxies, long maxRequestBodySize, Duration healthProbeInterval, OutputStream accessLog,
                            MeterRegistry meterRegistry) {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** App Runner's fixed request limit, kept as Slipway's default. */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(120);
    public static final int DEFAULT_EVENT_LOOPS = Runtime.getRuntime().availableProcessors();
    /** Below the 5 s keep-alive timeout of uvicorn, the usual server of Python model services. */
    public static final Duration DEFAULT_UPSTREAM_IDLE_TIMEOUT = Duration.ofSeconds(4);
    /** nginx's default keep-alive timeout. */
    public static final Duration DEFAULT_CLIENT_IDLE_TIMEOUT = Duration.ofSeconds(75);
    public static final Duration DEFAULT_HEADER_READ_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_STREAM_IDLE_TIMEOUT = Duration.ofSeconds(120);
    public static final int DEFAULT_MAX_CONNECTIONS = 10_000;
    /** Far more than a browser opens (6 per host), few enough that one address cannot take every connection. */
    public static final int DEFAULT_MAX_CONNECTIONS_PER_CLIENT = 256;
    /** 100 MiB. */
    public static final long DEFAULT_MAX_REQUEST_BODY_SIZE = 100L * 1024 * 1024;
    public static final Duration DEFAULT_HEALTH_PROBE_INTERVAL = Duration.ofSeconds(2);

    public RouterOptions {
        Objects.requireNonNull(bindAddress, "bindAddress");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("Port " + port + " is out of range; use 0 to 65535 (0 picks a free port)");
        }
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(requestTimeout, "requestTimeout");
        requirePositive(upstreamIdleTimeout, "upstreamIdleTimeout");
        requirePositive(clientIdleTimeout, "clientIdleTimeout");
        requirePositive(headerReadTimeout, "headerReadTimeout");
        requirePositive(streamIdleTimeout, "streamIdleTimeout");
        requirePositive(healthProbeInterval, "healthProbeInterval");
        if (eventLoops < 1) {
            throw new IllegalArgumentException("eventLoops is " + eventLoops + "; a router needs at least 1");
        }
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections is " + maxConnections + "; allow at least 1");
        }
        if (maxConnectionsPerClient < 0) {
            throw new IllegalArgumentException("maxConnectionsPerClient is " + maxConnectionsPerClient
                    + "; give 0 (no cap) or more");
        }
        Objects.requireNonNull(trustedProxies, "trustedProxies");
        if (maxRequestBodySize < 0) {
            throw new IllegalArgumentException("maxRequestBodySize is " + maxRequestBodySize + "; give 0 or more bytes");
        }
    }

    /** Options with the defaults for everything after {@code upstreamIdleTimeout}. */
    public RouterOptions(InetAddress bindAddress, int port, Duration connectTimeout, Duration requestTimeout,
                         int eventLoops, Duration upstreamIdleTimeout) {
        this(bindAddress, port, connectTimeout, requestTimeout, eventLoops, upstreamIdleTimeout,
                DEFAULT_CLIENT_IDLE_TIMEOUT, DEFAULT_HEADER_READ_TIMEOUT, DEFAULT_STREAM_IDLE_TIMEOUT,
                DEFAULT_MAX_CONNECTIONS, DEFAULT_MAX_CONNECTIONS_PER_CLIENT, TrustedProxies.NONE,
                DEFAULT_MAX_REQUEST_BODY_SIZE, DEFAULT_HEALTH_PROBE_INTERVAL, null, null);
    }

    /** Options with the default event loop count, limits and idle timeouts, no access log and no metrics. */
    public RouterOptions(InetAddress bindAddress, int port, Duration connectTimeout, Duration requestTimeout) {
        this(bindAddress, port, connectTimeout, requestTimeout, DEFAULT_EVENT_LOOPS, DEFAULT_UPSTREAM_IDLE_TIMEOUT);
    }

    /** Defaults, listening on the loopback address. */
    public static RouterOptions onPort(int port) {
        return new RouterOptions(InetAddress.getLoopbackAddress(), port, DEFAULT_CONNECT_TIMEOUT, DEFAULT_REQUEST_TIMEOUT);
    }

    public RouterOptions withPort(int listenPort) {
        return new RouterOptions(bindAddress, listenPort, connectTimeout, requestTimeout, eventLoops,
                upstreamIdleTimeout, clientIdleTimeout, headerReadTimeout, streamIdleTimeout, maxConnections,
                maxConnectionsPerClient, trustedProxies, maxRequestBodySize, healthProbeInterval, accessLog,
                meterRegistry);
    }

    public RouterOptions withBindAddress(InetAddress address) {
        return new RouterOptions(address, port, connectTimeout, requestTimeout, eventLoops, upstreamIdleTimeout,
                clientIdleTimeout, headerReadTimeout, streamIdleTimeout, maxConnections,
                maxConnectionsPerClient, trustedProxies, maxRequestBodySize, healthProbeInterval, accessLog,
                meterRegistry);
    }

    public RouterOptions withConnectTimeout(Duration timeout) {
        return new RouterOptions(bindAddress, port, timeout, requestTimeout, eventLoops, upstreamIdleTimeout,
                clientIdleTimeout, headerReadTimeout, streamIdleTimeout, maxConnections,
                maxConnectionsPerClient, trustedProxies, maxRequestBodySize, healthProbeInterval, accessLog,
                meterRegistry);
    }

    public RouterOptions withRequestTimeout(Duration timeout) {
        return new RouterOptions(bindAddress, port, connectTimeout, timeout, eventLoops, upstreamIdleTimeout,
                clientIdleTimeout, headerReadTimeout, streamIdleTimeout, maxConnections,
                maxConnectionsPerClient, trustedProxies, maxRequestBodySize, healthProbeInterval, accessLog,
                meterRegistry);
    }

    public RouterOptions withEventLoops(int count) {
        return new RouterOptions(bindAddress, port, connectTimeout, requestTimeout, count, upstreamIdleTimeout,
                clientIdleTimeout, headerReadTimeout, streamIdleTimeout, maxConnections,
                maxConnectionsPerClient, trustedProxies, maxRequestBodySize, healthProbeInterval, accessLog,
                meterRegistry);
    }

    public RouterOptions withUpstreamIdleTimeout(Duration timeout) {
        return new RouterOptions(bindAddress, port, connectTimeout, requestTimeout, eventLoops, timeout,
                clientIdleTimeout, headerReadTimeout, streamIdleTimeout, maxConnections,
                maxConnectionsPerClient, trustedProxies, maxRequestBodySize, healthProbeInterval, accessLog,
                meterRegistry);
    }

    public RouterOptions withClientIdleTimeout(Duration timeout) {
        return new RouterOptions(bindAddress, port, connectTimeout, requestTimeout, eventLoops,
                upstreamIdleTimeout, timeout, headerReadTimeout, streamIdleTimeout, maxConnections,
                maxConnectionsPerClient, trustedProxies, maxRequestBodySize, healthProbeInterval, accessLog,
                meterRegistry);
    }

    public RouterOptions withHeaderReadTimeout(Duration timeout) {
        return new RouterOptions(bindAddress, port, connectTimeout, requestTimeout, eventLoops,
                upstreamIdleTimeout, clientIdleTimeout, timeout, streamIdleTimeout, maxConnections,
                maxConnectionsPerClient, trustedProxies, maxRequestBodySize, healthProbeInterval, accessLog,
                meterRegistry);
    }

    public RouterOptions withStreamIdleTimeout(Duration timeout) {
        return new RouterOptions(bindAddress, port, connectTimeout, requestTimeout, eventLoops,
                upstreamIdleTimeout, clientIdleTimeout, headerReadTimeout, timeout, maxConnections,
                maxConnectionsPerClient, trustedProxies, maxRequestBodySize, healthProbeInterval, accessLog,
                meterRegistry);
    }

    public RouterOptions withMaxConnections(int count) {
        return new RouterOptions(bindAddress, port, connectTimeout, requestTimeout, eventLoops,
                upstreamIdleTimeout, clientIdleTimeout, headerReadTimeout, streamIdleTimeout, count,
                maxConnectionsPerClient, trustedProxies, maxRequestBodySize, healthProbeInterval, accessLog,
                meterRegistry);
    }

    public RouterOptions withMaxConnectionsPerClient(int count) {
        return new RouterOptions(bindAddress, port, connectTimeout, requestTimeout, eventLoops,
                upstreamIdleTimeout, clientIdleTimeout, headerReadTimeout, streamIdleTimeout, maxConnections,
                count, trustedProxies, maxRequestBodySize, healthProbeInterval, accessLog, meterRegistry);
    }

    public RouterOptions withTrustedProxies(TrustedProxies proxies) {
        return new RouterOptions(bindAddress, port, connectTimeout, requestTimeout, eventLoops,
                upstreamIdleTimeout, clientIdleTimeout, headerReadTimeout, streamIdleTimeout, maxConnections,
                maxConnectionsPerClient, proxies, maxRequestBodySize, healthProbeInterval, accessLog, meterRegistry);
    }

    public RouterOptions withMaxRequestBodySize(long bytes) {
        return new RouterOptions(bindAddress, port, connectTimeout, requestTimeout, eventLoops,
                upstreamIdleTimeout, clientIdleTimeout, headerReadTimeout, streamIdleTimeout, maxConnections,
                maxConnectionsPerClient, trustedProxies, bytes, healthProbeInterval, accessLog, meterRegistry);
    }

    public RouterOptions withHealthProbeInterval(Duration interval) {
        return new RouterOptions(bindAddress, port, connectTimeout, requestTimeout, eventLoops,
                upstreamIdleTimeout, clientIdleTimeout, headerReadTimeout, streamIdleTimeout, maxConnections,
                maxConnectionsPerClient, trustedProxies, maxRequestBodySize, interval, accessLog, meterRegistry);
    }

    /** A copy writing its access log to {@code out}; null turns the access log off. */
    public RouterOptions withAccessLog(OutputStream out) {
        return new RouterOptions(bindAddress, port, connectTimeout, requestTimeout, eventLoops,
                upstreamIdleTimeout, clientIdleTimeout, headerReadTimeout, streamIdleTimeout, maxConnections,
                maxConnectionsPerClient, trustedProxies, maxRequestBodySize, healthProbeInterval, out,
                meterRegistry);
    }

    /** A copy recording metrics in {@code registry}; null records none. */
    public RouterOptions withMeterRegistry(MeterRegistry registry) {
        return new RouterOptions(bindAddress, port, connectTimeout, requestTimeout, eventLoops,
                upstreamIdleTimeout, clientIdleTimeout, headerReadTimeout, streamIdleTimeout, maxConnections,
                maxConnectionsPerClient, trustedProxies, maxRequestBodySize, healthProbeInterval, accessLog,
                registry);
    }

    private static void requirePositive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " is " + duration + "; it must be positive");
        }
    }
}
