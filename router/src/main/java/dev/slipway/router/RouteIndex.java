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

        boolean onlyRoot() {
            return prefixes.length == 1 && prefixes[0].equals(PathPrefixes.ROOT);
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

    /**
     * Lower-case host keys to what they route, probed linearly. A slot holds the host's value itself when the
     * host has only the root prefix (the usual case), else its {@link Paths}, so a lookup reads few objects.
     * Hashes are kept beside the keys, so probing past other hosts does not read their strings.
     */
    private static final class HostTable {
        final String[] keys;
        final int[] hashes;
        final Object[] routed;
        final int mask;

        HostTable(Map<String, Paths> byHost) {
            int capacity = Integer.highestOneBit(Math.max(2, byHost.size() * 2 - 1)) << 1;
            keys = new String[capacity];
            hashes = new int[capacity];
            routed = new Object[capacity];
            mask = capacity - 1;
            byHost.forEach((key, paths) -> {
                int hash = HostNames.hash(key);
                int slot = hash & mask;
                while (keys[slot] != null) {
                    slot = (slot + 1) & mask;
                }
                keys[slot] = key;
                hashes[slot] = hash;
                routed[slot] = paths.onlyRoot() ? paths.values[0] : paths;
            });
        }

        /** The host's value or its {@link Paths}; null when the host is not routed. */
        Object get(CharSequence host, int start, int end) {
            int hash = HostNames.hash(host, start, end);
            int slot = hash & mask;
            String key;
            while ((key = keys[slot]) != null) {
                if (hashes[slot] == hash && HostNames.matches(key, host, start, end)) {
                    return routed[slot];
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
        Object routed = routed(hostHeader);
        return (T) (routed instanceof Paths paths ? paths.find(target) : routed);
    }

    /** True when some route, for any path, matches the host. */
    boolean hasHost(String hostHeader) {
        return routed(hostHeader) != null;
    }

    private Object routed(String hostHeader) {
        long range = HostNames.keyRange(hostHeader);
        int start = HostNames.start(range);
        int end = HostNames.end(range);
        if (start == end) {
            return null;
        }
        Object routed = exact.get(hostHeader, start, end);
        if (routed == null) {
            int dot = HostNames.indexOf(hostHeader, '.', start, end);
            if (dot > start && dot + 1 < end) {
                routed = wildcard.get(hostHeader, dot + 1, end);
            }
        }
        return routed;
    }
}
