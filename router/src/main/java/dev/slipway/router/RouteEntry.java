package dev.slipway.router;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A route as one router serves it: its backends, its weights with each event loop's round-robin scores, its
 * metrics and its effective timeout and body limit. Built when a table is published; the scores are written
 * only by their own loop.
 */
final class RouteEntry {

    /**
     * Unused ints after each loop's scores, so that two loops never write to the same cache line (the rows are
     * allocated one after another).
     */
    private static final int SCORE_PADDING = 16;

    final Backend[] backends;
    final int[] weights;
    /** Smooth round-robin scores, one row per event loop. */
    private final int[][] scores;
    /** Null when the router records no metrics. */
    final ServiceMetrics metrics;
    final Duration requestTimeout;
    final long requestTimeoutNanos;
    final long maxBodySize;

    RouteEntry(Route route, Map<String, Backend> backendsByAddress, int eventLoops, ServiceMetrics metrics,
               RouterOptions options) {
        List<Target> targets = route.targets();
        this.backends = new Backend[targets.size()];
        this.weights = new int[targets.size()];
        for (int i = 0; i < targets.size(); i++) {
            backends[i] = backendsByAddress.get(targets.get(i).address());
            weights[i] = targets.get(i).weight();
        }
        this.scores = new int[eventLoops][targets.size() + SCORE_PADDING];
        this.metrics = metrics;
        this.requestTimeout = route.requestTimeout() != null ? route.requestTimeout() : options.requestTimeout();
        this.requestTimeoutNanos = requestTimeout.toNanos();
        this.maxBodySize = route.maxBodySize() != null ? route.maxBodySize() : options.maxRequestBodySize();
    }

    /** The next healthy target with weight above 0 not in {@code excluded}, for event loop {@code loop}; or null. */
    Backend pick(int loop, List<Backend> excluded) {
        int index = WeightedPicker.pick(backends, weights, scores[loop], excluded);
        return index < 0 ? null : backends[index];
    }

    /** True when some target has weight above 0, healthy or not. */
    boolean hasWeightedTarget() {
        for (int weight : weights) {
            if (weight > 0) {
                return true;
            }
        }
        return false;
    }

    /** Distinct healthy backends with weight above 0 across {@code entries}. */
    static int activeBackends(RouteEntry[] entries) {
        int count = 0;
        for (int e = 0; e < entries.length; e++) {
            Backend[] backends = entries[e].backends;
            for (int i = 0; i < backends.length; i++) {
                if (entries[e].weights[i] > 0 && backends[i].healthy() && firstOccurrence(entries, e, i)) {
                    count++;
                }
            }
        }
        return count;
    }

    private static boolean firstOccurrence(RouteEntry[] entries, int entry, int index) {
        Backend backend = entries[entry].backends[index];
        for (int e = 0; e <= entry; e++) {
            int end = e == entry ? index : entries[e].backends.length;
            for (int i = 0; i < end; i++) {
                if (entries[e].backends[i] == backend && entries[e].weights[i] > 0) {
                    return false;
                }
            }
        }
        return true;
    }
}
