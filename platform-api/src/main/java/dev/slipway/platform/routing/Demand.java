package dev.slipway.platform.routing;

import java.util.Set;

/**
 * Requests waiting for a service that has no instance (scaled to zero).
 *
 * @param generation grows with every request that starts waiting so; pass it to the next
 *                   {@link RouteTablePublisher#awaitDemand} to wait for newer ones
 * @param services   the services with requests waiting for an instance now
 */
public record Demand(long generation, Set<String> services) {

    public Demand {
        services = Set.copyOf(services);
    }
}
