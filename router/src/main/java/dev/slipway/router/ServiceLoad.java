package dev.slipway.router;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The load of one service now, for an autoscaler reading it every second: see {@link Router#load()}.
 *
 * @param requests         requests and WebSocket upgrades routed to the service since it appeared in the table
 *                         (a request that waited in a queue counts once); only grows while the service is routed
 * @param inFlight         requests and WebSockets of the service in flight to an instance now
 * @param queued           requests of the service waiting in its routes' queues now
 * @param inFlightByTarget requests in flight now to each target address, in address order, of the service's routes (an address
 *                         (an address that other services also use counts theirs too)
 */
public record ServiceLoad(long requests, int inFlight, int queued, Map<String, Integer> inFlightByTarget) {

    public ServiceLoad {
        inFlightByTarget = Collections.unmodifiableMap(new LinkedHashMap<>(inFlightByTarget));
    }
}
