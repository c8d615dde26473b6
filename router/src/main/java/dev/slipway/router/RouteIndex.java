package dev.slipway.router;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Finds the value routed for a Host header and request target without allocating: an open-addressing table of
 * exact hosts, one of wildcard domains, and per host its path prefixes, longest first. An exact host wins over
 * a wildcard; within the host the longest matching prefix wins. Immutable, so any thread may read it.
 *
 * @param <T> what a route is mapped to
 */
final class RouteIndex<T> {

    /** One host's routes, longest path prefix first. */
    private static final class Paths {
        final String[] prefixes;
        final Object[] values;

        Paths(List<Map.Entry<String, Object>> routes) {
            List<Map.Entry<String, Object>> sorted = new ArrayList<>(routes);
            sorted.sort(Comparator.comparingInt((Map.Entry<String, Object> e) -> e.getKey().length()).reversed());
            prefixes = new String[sorted.size()];
            values = new Object[sorted.size()];
            for (int i = 0; i < sorted.size(); i++) {
                prefixes[i] = sorted.get(i).getKey();
                values[i] = sorted.get(i).getValue();
            }
        }

        Object find(String target) {
            int pathStart = PathPrefixes.pathStart(target);
            for (int i = 0; i < prefixes.length; i++) {
                if (PathPrefixes.matches(prefixes[i], target, pathStart)) {
                    return values[i];
                }
            }
            return null;
        }
    }

    /** Lower-case host keys to their paths, probed linearly. */
    private static final class HostTable {
        final String[] keys;
        final Paths[] paths;
        final int mask;

        HostTable(Map<String, Paths> byHost) {
            int capacity = Integer.highestOneBit(Math.max(2, byHost.size() * 2 - 1)) << 1;
            keys = new String[capacity];
            paths = new Paths[capacity];
            mask = capacity - 1;
            byHost.forEach((key, value) -> {
                int slot = HostNames.hash(key) & mask;
                while (keys[slot] != null) {
                    slot = (slot + 1) & mask;
                }
                keys[slot] = key;
                paths[slot] = value;
            });
        }

        Paths get(CharSequence host, int start, int end) {
            int slot = HostNames.hash(host, start, end) & mask;
            String key;
            while ((key = keys[slot]) != null) {
                if (HostNames.matches(key, host, start, end)) {
                    return paths[slot];
                }
                slot = (slot + 1) & mask;
            }
            return null;
        }
    }

    private final HostTable exact;
    private final HostTable wildcard;

    private RouteIndex(HostTable exact, HostTable wildcard) {
        this.exact = exact;
        this.wildcard = wildcard;
    }

    /**
     * Indexes {@code routes}, mapping each to {@code value(route)}.
     *
     * @throws IllegalArgumentException when two routes have the same host and path prefix
     */
    static <T> RouteIndex<T> build(List<Route> routes, Function<Route, T> value) {
        Map<String, List<Map.Entry<String, Object>>> exactHosts = new LinkedHashMap<>();
        Map<String, List<Map.Entry<String, Object>>> wildcardDomains = new LinkedHashMap<>();
        for (Route route : routes) {
            Map<String, List<Map.Entry<String, Object>>> hosts = route.wildcard() ? wildcardDomains : exactHosts;
            String key = route.wildcard() ? route.host().substring(HostNames.WILDCARD_PREFIX.length()) : route.host();
            List<Map.Entry<String, Object>> paths = hosts.computeIfAbsent(key, k -> new ArrayList<>());
            for (Map.Entry<String, Object> path : paths) {
                if (path.getKey().equals(route.pathPrefix())) {
                    throw new IllegalArgumentException(duplicate(route));
                }
            }
            paths.add(Map.entry(route.pathPrefix(), value.apply(route)));
        }
        return new RouteIndex<>(table(exactHosts), table(wildcardDomains));
    }

    static String duplicate(Route route) {
        return route.pathPrefix().equals(PathPrefixes.ROOT)
                ? "Host '" + route.host() + "' is routed twice; merge its targets into one route"
                : "Host '" + route.host() + "' with path prefix '" + route.pathPrefix()
                        + "' is routed twice; merge its targets into one route";
    }

    private static HostTable table(Map<String, List<Map.Entry<String, Object>>> hosts) {
        Map<String, Paths> paths = new LinkedHashMap<>();
        hosts.forEach((host, routes) -> paths.put(host, new Paths(routes)));
        return new HostTable(paths);
    }

    /** The value routed for a Host header value and request target, or null. */
    @SuppressWarnings("unchecked")
    T find(String hostHeader, String target) {
        Paths paths = paths(hostHeader);
        return paths == null ? null : (T) paths.find(target);
    }

    /** True when some route, for any path, matches the host. */
    boolean hasHost(String hostHeader) {
        return paths(hostHeader) != null;
    }

    private Paths paths(String hostHeader) {
        long range = HostNames.keyRange(hostHeader);
        int start = HostNames.start(range);
        int end = HostNames.end(range);
        if (start == end) {
            return null;
        }
        Paths paths = exact.get(hostHeader, start, end);
        if (paths == null) {
            int dot = HostNames.indexOf(hostHeader, '.', start, end);
            if (dot > start && dot + 1 < end) {
                paths = wildcard.get(hostHeader, dot + 1, end);
            }
        }
        return paths;
    }
}
