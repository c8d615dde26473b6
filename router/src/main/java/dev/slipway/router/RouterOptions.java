package dev.slipway.router;

import java.net.InetAddress;
import java.time.Duration;

/**
 * How a router listens and times out.
 *
 * @param bindAddress    the address to listen on
 * @param port           the port to listen on, 0 for any free port
 * @param connectTimeout how long opening an upstream connection may take
 * @param requestTimeout how long a whole request may take
 */
public record RouterOptions(InetAddress bindAddress, int port, Duration connectTimeout, Duration requestTimeout) {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** App Runner's fixed request limit, kept as Slipway's default. */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(120);

    public static RouterOptions onPort(int port) {
        return new RouterOptions(InetAddress.getLoopbackAddress(), port, DEFAULT_CONNECT_TIMEOUT, DEFAULT_REQUEST_TIMEOUT);
    }
}
