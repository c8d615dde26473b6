package dev.slipway.router;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Smooth weighted round robin over a route's targets, for one event loop (no locking). Each pick adds every
 * eligible target's weight to its running score, takes the highest score and subtracts the total, which
 * spreads a 3:1 split as a, a, b, a rather than a, a, a, b.
 */
final class WeightedPicker {

    private final Map<Route, int[]> scores = new IdentityHashMap<>();

    /** The next target of {@code route} with weight above 0 whose address is not in {@code excluded}, or null. */
    Target pick(Route route, List<String> excluded) {
        List<Target> targets = route.targets();
        int[] score = scores.computeIfAbsent(route, r -> new int[r.targets().size()]);
        int total = 0;
        int best = -1;
        for (int i = 0; i < targets.size(); i++) {
            Target target = targets.get(i);
            if (target.weight() == 0 || (!excluded.isEmpty() && excluded.contains(target.address()))) {
                continue;
            }
            score[i] += target.weight();
            total += target.weight();
            if (best < 0 || score[i] > score[best]) {
                best = i;
            }
        }
        if (best < 0) {
            return null;
        }
        score[best] -= total;
        return targets.get(best);
    }

    /** Forgets the scores of routes of earlier tables. */
    void reset() {
        scores.clear();
    }
}
