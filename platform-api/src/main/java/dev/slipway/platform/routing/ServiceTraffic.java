package dev.slipway.platform.routing;

/**
 * One service's requests as the router sees them now.
 *
 * @param requests requests routed to the service since the router started; grows, or starts again from
 *                 0 when the router restarted
 * @param inFlight requests (and WebSockets) under way at its instances
 * @param queued   requests waiting for an instance
 */
public record ServiceTraffic(long requests, int inFlight, int queued) {

    public static final ServiceTraffic NONE = new ServiceTraffic(0, 0, 0);

    /** Requests the service is asked to handle at once: those under way and those waiting. */
    public int concurrency() {
        return inFlight + queued;
    }
}
