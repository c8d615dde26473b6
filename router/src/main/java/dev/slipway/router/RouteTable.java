package dev.slipway.router;

import java.util.List;
import java.util.Optional;

/** An immutable snapshot of every route. Routers swap whole snapshots atomically. */
public final class RouteTable {

    /** A table with no routes: every host answers 404. */
    public static final RouteTable EMPTY = new RouteTable(List.of());

    private final List<Route> routes;

    private RouteTable(List<Route> routes) {
        this.routes = List.copyOf(routes);
    }

    public static RouteTable of(List<Route> routes) {
        return new RouteTable(routes);
    }

    public List<Route> routes() {
        return routes;
    }

    /** The route for a host (case-insensitive, any {@code :port} suffix ignored). */
    public Optional<Route> lookup(String host) {
        throw new UnsupportedOperationException("not yet");
    }
}
