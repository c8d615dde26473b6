package dev.slipway.platform.routing;

import dev.slipway.router.RouteTable;
import java.time.Duration;

/** Hands complete route snapshots to the router(s) that serve Slipway's apps. */
public interface RouteTablePublisher {

    /** Replaces every route; returns once new requests follow the new table. */
    void publish(RouteTable table);

    /**
     * Waits until no request is in flight to {@code address}, at most {@code timeout}.
     *
     * @return true when drained
     */
    boolean awaitDrained(String address, Duration timeout) throws InterruptedException;
}
