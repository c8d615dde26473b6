package dev.slipway.router;

import java.util.List;

/**
 * Smooth weighted round robin. Each pick adds every eligible target's weight to its running score, takes the
 * highest score and subtracts the total, which spreads a 3:1 split as a, a, b, a rather than a, a, a, b.
 * Eligible means weight above 0, healthy, not excluded and, on a route with a concurrency limit, below it. Scores belong to one event loop, so nothing locks.
 */
final class WeightedPicker {

    private WeightedPicker() {
    }

    /** The index of the picked backend, or -1 when none is eligible. */
    static int pick(Backend[] backends, int[] weights, int[] score, List<Backend> excluded) {
        if (backends.length == 1) {
            return eligible(backends[0], weights[0], excluded) ? 0 : -1;
        }
        return pick(backends, weights, score, excluded, Integer.MAX_VALUE);
    }

    /**
     * Like {@link #pick(Backend[], int[], int[], List)}, also skipping backends with {@code limit} requests in
     * flight ({@link Integer#MAX_VALUE}: no limit).
     */
    static int pick(Backend[] backends, int[] weights, int[] score, List<Backend> excluded, int limit) {
        int total = 0;
        int best = -1;
        for (int i = 0; i < backends.length; i++) {
            int weight = weights[i];
            Backend backend = backends[i];
            if (!eligible(backend, weight, excluded) || (limit != Integer.MAX_VALUE && backend.inFlight() >= limit)) {
                continue;
            }
            score[i] += weight;
            total += weight;
            if (best < 0 || score[i] > score[best]) {
                best = i;
            }
        }
        if (best >= 0) {
            score[best] -= total;
        }
        return best;
    }

    private static boolean eligible(Backend backend, int weight, List<Backend> excluded) {
        return weight > 0 && backend.healthy() && (excluded.isEmpty() || !excluded.contains(backend));
    }
}
