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
    final String service;
    final Admission admission;
    /** The most requests in flight to each target; {@link Integer#MAX_VALUE} without a limit. */
    final int limit;
    /** Where requests wait; null for a route without admission settings, which never waits. */
    final RouteQueue queue;
    final ServiceCounts counts;
    private final boolean weighted;
    /** Smooth round-robin scores, one row per event loop. */
    private final int[][] scores;
    /** Null when the router records no metrics. */
    final ServiceMetrics metrics;
    final Duration requestTimeout;
    final long requestTimeoutNanos;
    final long maxBodySize;

    RouteEntry(Route route, Map<String, Backend> backendsByAddress, int eventLoops, ServiceMetrics metrics,
               RouterOptions options) {
        this(route, backendsByAddress, eventLoops, metrics, options, new ServiceCounts(eventLoops), null);
    }

    RouteEntry(Route route, Map<String, Backend> backendsByAddress, int eventLoops, ServiceMetrics metrics,
               RouterOptions options, ServiceCounts counts, RouteQueues queues) {
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
        this.service = route.service();
        this.admission = route.admission();
        this.limit = admission.concurrencyLimit() == null ? Integer.MAX_VALUE : admission.concurrencyLimit();
        this.counts = counts;
        boolean anyWeight = false;
        for (int weight : weights) {
            anyWeight |= weight > 0;
        }
        this.weighted = anyWeight;
        this.queue = queues == null ? null : queues.adopt(route, this);
    }

    /** The next healthy target with weight above 0 not in {@code excluded}, for event loop {@code loop}; or null. */
    Backend pick(int loop, List<Backend> excluded) {
        int index = WeightedPicker.pick(backends, weights, scores[loop], excluded);
        return index < 0 ? null : backends[index];
    }

    /**
     * Picks the next healthy target with weight above 0, not in {@code excluded} and below the route's limit, for
     * event loop {@code loop}, and counts a request in flight to it; null when there is none.
     */
    Backend acquire(int loop, List<Backend> excluded) {
        if (limit == Integer.MAX_VALUE) {
            Backend backend = pick(loop, excluded);
            if (backend != null) {
                backend.increment();
            }
            return backend;
        }
        while (true) {
            int index = WeightedPicker.pick(backends, weights, scores[loop], excluded, limit);
            if (index < 0) {
                return null;
            }
            if (backends[index].tryIncrement(limit)) {
                return backends[index];
            }
        }
    }

    /**
     * For a waiting request, from any thread: the healthy weighted target with the fewest requests in flight that
     * is below the limit, with a request counted in flight to it; null when there is none.
     */
    Backend acquireAny() {
        while (true) {
            Backend best = null;
            int fewest = Integer.MAX_VALUE;
            for (int i = 0; i < backends.length; i++) {
                int inFlight = backends[i].inFlight();
                if (weights[i] > 0 && backends[i].healthy() && inFlight < limit && inFlight < fewest) {
                    best = backends[i];
                    fewest = inFlight;
                }
            }
            if (best == null || best.tryIncrement(limit)) {
                return best;
            }
        }
    }

    /** True when some target has weight above 0, healthy or not. */
    boolean hasWeightedTarget() {
        return weighted;
    }

    /** True when some target with weight above 0 is healthy, however busy. */
    boolean hasHealthyTarget() {
        for (int i = 0; i < backends.length; i++) {
            if (weights[i] > 0 && backends[i].healthy()) {
                return true;
            }
        }
        return false;
    }

    /** Requests waiting now in the queues of {@code entries}, each queue counted once. */
    static int queued(RouteEntry[] entries) {
        int queued = 0;
        for (int e = 0; e < entries.length; e++) {
            RouteQueue queue = entries[e].queue;
            if (queue != null && !sharesQueue(entries, e)) {
                queued += queue.size();
            }
        }
        return queued;
    }

    private static boolean sharesQueue(RouteEntry[] entries, int entry) {
        for (int e = 0; e < entry; e++) {
            if (entries[e].queue == entries[entry].queue) {
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
