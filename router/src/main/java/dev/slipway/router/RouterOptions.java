package dev.slipway.router;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Objects;

/**
 * How a router listens, times out and uses threads. The {@code with…} methods return a copy with one value
 * changed.
 *
 * @param bindAddress         the address to listen on
 * @param port                the port to listen on, 0 for any free port
 * @param connectTimeout      how long opening an upstream connection may take
 * @param requestTimeout      how long a whole request may take, from its first byte to the response's last
 * @param eventLoops          how many I/O threads serve connections
 * @param upstreamIdleTimeout how long an upstream connection may sit idle and still be reused; keep it below
 *                            the instances' own keep-alive timeout so the router rarely reuses a connection
 *                            the instance is closing
 */
public record RouterOptions(InetAddress bindAddress, int port, Duration connectTimeout, Duration requestTimeout,
                            int eventLoops, Duration upstreamIdleTimeout) {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** App Runner's fixed request limit, kept as Slipway's default. */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(120);
    public static final int DEFAULT_EVENT_LOOPS = Runtime.getRuntime().availableProcessors();
    /** Below the 5 s keep-alive timeout of uvicorn, the usual server of Python model services. */
    public static final Duration DEFAULT_UPSTREAM_IDLE_TIMEOUT = Duration.ofSeconds(4);

    public RouterOptions {
        Objects.requireNonNull(bindAddress, "bindAddress");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("Port " + port + " is out of range; use 0 to 65535 (0 picks a free port)");
        }
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(requestTimeout, "requestTimeout");
        requirePositive(upstreamIdleTimeout, "upstreamIdleTimeout");
        if (eventLoops < 1) {
            throw new IllegalArgumentException("eventLoops is " + eventLoops + "; a router needs at least 1");
        }
    }

    /** Options with the default event loop count and upstream idle timeout. */
    public RouterOptions(InetAddress bindAddress, int port, Duration connectTimeout, Duration requestTimeout) {
        this(bindAddress, port, connectTimeout, requestTimeout, DEFAULT_EVENT_LOOPS, DEFAULT_UPSTREAM_IDLE_TIMEOUT);
    }

    /** Defaults, listening on the loopback address. */
    public static RouterOptions onPort(int port) {
        return new RouterOptions(InetAddress.getLoopbackAddress(), port, DEFAULT_CONNECT_TIMEOUT, DEFAULT_REQUEST_TIMEOUT);
    }

    public RouterOptions withPort(int listenPort) {
        return new RouterOptions(bindAddress, listenPort, connectTimeout, requestTimeout, eventLoops, upstreamIdleTimeout);
    }

    public RouterOptions withBindAddress(InetAddress address) {
        return new RouterOptions(address, port, connectTimeout, requestTimeout, eventLoops, upstreamIdleTimeout);
    }

    public RouterOptions withConnectTimeout(Duration timeout) {
        return new RouterOptions(bindAddress, port, timeout, requestTimeout, eventLoops, upstreamIdleTimeout);
    }

    public RouterOptions withRequestTimeout(Duration timeout) {
        return new RouterOptions(bindAddress, port, connectTimeout, timeout, eventLoops, upstreamIdleTimeout);
    }

    public RouterOptions withEventLoops(int count) {
        return new RouterOptions(bindAddress, port, connectTimeout, requestTimeout, count, upstreamIdleTimeout);
    }

    public RouterOptions withUpstreamIdleTimeout(Duration timeout) {
        return new RouterOptions(bindAddress, port, connectTimeout, requestTimeout, eventLoops, timeout);
    }

    private static void requirePositive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " is " + duration + "; it must be positive");
        }
    }
}
