package dev.slipway.config;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.function.ToIntFunction;

/** Finds the names closest to a misspelt one. */
final class Spelling {

    private Spelling() {
    }

    /** Lower case, with {@code _} read as {@code -}: how keys are compared for suggestions. */
    static String normalizeKey(String key) {
        return key.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * The candidates nearest to {@code word}, all at the smallest distance found, in candidate
     * order; empty when none is within its candidate's allowed distance.
     */
    static List<String> closest(String word, Collection<String> candidates, ToIntFunction<String> maxDistance) {
        var best = Integer.MAX_VALUE;
        var distances = new int[candidates.size()];
        var i = 0;
        for (var candidate : candidates) {
            var limit = maxDistance.applyAsInt(candidate);
            var d = distance(word, candidate, limit);
            distances[i++] = d <= limit ? d : Integer.MAX_VALUE;
            best = Math.min(best, distances[i - 1]);
        }
        if (best == Integer.MAX_VALUE) {
            return List.of();
        }
        var result = new ArrayList<String>();
        i = 0;
        for (var candidate : candidates) {
            if (distances[i++] == best) {
                result.add(candidate);
            }
        }
        return List.copyOf(result);
    }

    /** Levenshtein distance, or a value above {@code limit} as soon as it must exceed it. */
    static int distance(String a, String b, int limit) {
        if (Math.abs(a.length() - b.length()) > limit) {
            return limit + 1;
        }
        var previous = new int[b.length() + 1];
        var current = new int[b.length() + 1];
        for (var j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (var i = 1; i <= a.length(); i++) {
            current[0] = i;
            var rowMin = current[0];
            for (var j = 1; j <= b.length(); j++) {
                var cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                rowMin = Math.min(rowMin, current[j]);
            }
            if (rowMin > limit) {
                return limit + 1;
            }
            var swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
