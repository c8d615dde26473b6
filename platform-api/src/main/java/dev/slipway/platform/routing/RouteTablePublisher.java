package dev.slipway.platform.routing;

import dev.slipway.router.RouteTable;
import java.time.Duration;
import java.util.Map;

/**
 * The router that serves Slipway's apps, as the control plane sees it: it takes complete route
 * snapshots, says when an address has drained, how busy each service is and when requests wait for a
 * service scaled to zero. Implementations: the router inside Slipway's
 * process ({@link EmbeddedRouter}) and the router as its own OS process, reached through its
 * control API and state file ({@link RouterProcess}); both pass {@code RouteTablePublisherContract}.
 */
public interface RouteTablePublisher extends AutoCloseable {

    /** The port apps are served on. */
    int port();

    /**
     * The table the router serves now. After Slipway restarts, this is what the router served
     * before (the router outlived Slipway, or restarted from its state file).
     */
    RouteTable current();

    /**
     * Replaces every route; returns once new requests follow the new table, or, when a router
     * process is down, once the table is in its state file, which it serves when it is back.
     * Publishes are serialised.
     *
     * @throws RouterUnavailableException when the router cannot take it and its state file cannot
     *                                    be written either; the caller publishes again later
     */
    void publish(RouteTable table);

    /**
     * Waits until no request is in flight to {@code address}, at most {@code timeout}.
     *
     * @return true when drained
     */
    boolean awaitDrained(String address, Duration timeout) throws InterruptedException;

    /**
     * Every routed service's requests now, by service name; empty while a router process is down (a
     * restarted router counts from 0 again).
     */
    Map<String, ServiceTraffic> traffic();

    /**
     * Waits until a request starts waiting for a service without instances, after {@code after} (a
     * {@link Demand#generation()}; 0 the first time), at most {@code timeout}. Returns at once when
     * newer ones came meanwhile.
     *
     * @return the newest generation, and the services with requests waiting for an instance now
     */
    Demand awaitDemand(long after, Duration timeout) throws InterruptedException;

    /** The router's per-service metrics in Prometheus' text format (see docs/router.md). */
    String metrics();

    /** Stops using the router. A router process keeps running and serving, to be adopted on the next start. */
    @Override
    void close();
}
