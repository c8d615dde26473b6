package dev.slipway.router;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An immutable snapshot of every route. Routers swap whole snapshots atomically, so a table is built
 * complete and never changed; lookups take no lock.
 */
public final class RouteTable {

    /** A table with no routes: every host answers 404. */
    public static final RouteTable EMPTY = new RouteTable(List.of());

    private final List<Route> routes;
    private final Map<String, Route> byHost;
    private final Set<String> addresses;

    private RouteTable(List<Route> routes) {
        this.routes = List.copyOf(routes);
        Map<String, Route> hosts = new HashMap<>();
        Set<String> targetAddresses = new LinkedHashSet<>();
        for (Route route : this.routes) {
            if (hosts.putIfAbsent(route.host(), route) != null) {
                throw new IllegalArgumentException("Host '" + route.host()
                        + "' is routed twice; merge its targets into one route");
            }
            route.targets().forEach(target -> targetAddresses.add(target.address()));
        }
        this.byHost = hosts;
        this.addresses = Set.copyOf(targetAddresses);
    }

    /**
     * A table holding {@code routes}.
     *
     * @throws IllegalArgumentException when two routes have the same host
     */
    public static RouteTable of(List<Route> routes) {
        return new RouteTable(routes);
    }

    /** The routes, in the order given. */
    public List<Route> routes() {
        return routes;
    }

    /** The route for a host (case-insensitive, any {@code :port} suffix ignored). */
    public Optional<Route> lookup(String host) {
        return Optional.ofNullable(byHost.get(HostNames.normalize(host)));
    }

    /** The route for a host already normalised by {@link HostNames#normalize}, or null. */
    Route route(String normalizedHost) {
        return byHost.get(normalizedHost);
    }

    /** Every target address of every route, whatever its weight. */
    Set<String> addresses() {
        return addresses;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RouteTable table && routes.equals(table.routes);
    }

    @Override
    public int hashCode() {
        return routes.hashCode();
    }

    @Override
    public String toString() {
        return "RouteTable" + routes;
    }
}
