package dev.slipway.router;

import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * Demand for services that have no instance: see {@link Router#awaitDemand}.
 *
 * @param generation grows by one each time a request starts waiting on a route that holds requests while it has
 *                   no target with weight above 0; pass it back to wait for the next one
 * @param services   the services (route {@code service} names) with requests waiting for an instance now, sorted
 */
public record Demand(long generation, Set<String> services) {

    public Demand {
        services = Collections.unmodifiableSet(new TreeSet<>(services));
    }
}
