package dev.slipway.platform.routing;

import java.util.Map;

/**
 * One service's requests as the router sees them now.
 *
 * @param requests         requests routed to the service since the router started; grows, or starts
 *                         again from 0 when the router restarted
 * @param inFlight         requests (and WebSockets) under way at its instances
 * @param queued           requests waiting for an instance
 * @param inFlightByTarget requests under way at each instance, by address
 */
public record ServiceTraffic(long requests, int inFlight, int queued, Map<String, Integer> inFlightByTarget) {

    public static final ServiceTraffic NONE = new ServiceTraffic(0, 0, 0);

    public ServiceTraffic {
        inFlightByTarget = Map.copyOf(inFlightByTarget);
    }

    /** Without the count per instance. */
    public ServiceTraffic(long requests, int inFlight, int queued) {
        this(requests, inFlight, queued, Map.of());
    }

    /** Requests under way at the instance at {@code address}. */
    public int inFlight(String address) {
        return inFlightByTarget.getOrDefault(address, 0);
    }

    /** Requests the service is asked to handle at once: those under way and those waiting. */
    public int concurrency() {
        return inFlight + queued;
    }
}
