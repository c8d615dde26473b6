package dev.slipway.platform.runtime;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * App Runner's default health check: the instance is healthy once its port accepts a TCP
 * connection. Gives up early when the instance stops.
 */
public final class TcpHealthCheck {

    /** App Runner's health check timeout (2 s) for one connection attempt. */
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    /** How often a starting instance is probed. */
    public static final Duration INTERVAL = Duration.ofMillis(100);
    private static final int LOG_LINES = 20;

    private final ContainerRuntime runtime;

    public TcpHealthCheck(ContainerRuntime runtime) {
        this.runtime = runtime;
    }

    /**
     * Waits until the instance accepts connections, at most {@code timeout}.
     *
     * @return empty when healthy, else why not (for the deployment's reason)
     */
    public Optional<String> awaitHealthy(Instance instance, Duration timeout) throws InterruptedException {
        var deadline = Instant.now().plus(timeout);
        while (true) {
            var state = runtime.state(instance.id());
            if (!state.running()) {
                return Optional.of("the instance " + state.describe() + " before it accepted connections on "
                        + instance.address() + lastLines(instance));
            }
            if (accepts(instance.address())) {
                return Optional.empty();
            }
            if (Instant.now().isAfter(deadline)) {
                return Optional.of("nothing accepted connections on " + instance.address() + " within "
                        + timeout.toSeconds() + " s; check that the app listens on $PORT" + lastLines(instance));
            }
            Thread.sleep(INTERVAL.toMillis());
        }
    }

    /** Whether something accepts TCP connections at {@code host:port} right now. */
    public static boolean accepts(String address) {
        var colon = address.lastIndexOf(':');
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress(address.substring(0, colon),
                    Integer.parseInt(address.substring(colon + 1))), (int) CONNECT_TIMEOUT.toMillis());
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private String lastLines(Instance instance) {
        var lines = runtime.logTail(instance.id(), LOG_LINES);
        return lines.isEmpty() ? "" : "; its last output:\n" + String.join("\n", lines);
    }
}
