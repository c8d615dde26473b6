package dev.slipway.router;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * An immutable snapshot of every route. Routers swap whole snapshots atomically, so a table is built
 * complete and never changed; lookups take no lock.
 *
 * <p>A request goes to the route of its host (an exact host before a wildcard {@code *.domain}), and among
 * that host's routes to the one with the longest matching path prefix.
 */
public final class RouteTable {

    /** A table with no routes: every host answers 404. */
    public static final RouteTable EMPTY = new RouteTable(List.of());

    private final List<Route> routes;
    private final RouteIndex<Route> index;
    private final Set<String> addresses;

    private RouteTable(List<Route> routes) {
        this.routes = List.copyOf(routes);
        this.index = RouteIndex.build(this.routes, Function.identity());
        Set<String> targetAddresses = new LinkedHashSet<>();
        for (Route route : this.routes) {
            route.targets().forEach(target -> targetAddresses.add(target.address()));
        }
        this.addresses = Set.copyOf(targetAddresses);
    }

    /**
     * A table holding {@code routes}.
     *
     * @throws IllegalArgumentException when two routes have the same host and path prefix
     */
    public static RouteTable of(List<Route> routes) {
        return new RouteTable(routes);
    }

    /** The routes, in the order given. */
    public List<Route> routes() {
        return routes;
    }

    /** The route for the root path of a host (case-insensitive, any {@code :port} suffix ignored). */
    public Optional<Route> lookup(String host) {
        return lookup(host, PathPrefixes.ROOT);
    }

    /** The route for a request to {@code host} with request target {@code path}, e.g. {@code /api/items?x=1}. */
    public Optional<Route> lookup(String host, String path) {
        return Optional.ofNullable(index.find(host, path));
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
