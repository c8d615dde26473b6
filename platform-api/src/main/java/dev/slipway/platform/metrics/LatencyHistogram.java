package dev.slipway.platform.metrics;

import java.util.Arrays;

/**
 * A latency histogram as Prometheus writes it: cumulative counts of requests at most each upper bound, in
 * seconds, the last bound {@code +Inf}. The router's counts grow from its start; {@link #minus} gives an
 * interval's, whose percentiles the charts show.
 *
 * @param bounds upper bounds in seconds, ascending, the last one {@code +Inf}
 * @param counts requests at most each bound (so non-decreasing; the last one is every request timed)
 */
record LatencyHistogram(double[] bounds, long[] counts) {

    LatencyHistogram {
        if (bounds.length == 0 || bounds.length != counts.length || bounds[bounds.length - 1] != Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("A histogram needs one count per bound and +Inf as its last bound; got "
                    + Arrays.toString(bounds));
        }
    }

    /** Requests timed. */
    long total() {
        return counts[counts.length - 1];
    }

    /** Whether {@code earlier} can be the same histogram at an earlier time: same buckets, no count above ours. */
    boolean follows(LatencyHistogram earlier) {
        if (!Arrays.equals(bounds, earlier.bounds)) {
            return false;
        }
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] < earlier.counts[i]) {
                return false;
            }
        }
        return true;
    }

    /** The requests timed since {@code earlier}, which this one {@link #follows}. */
    LatencyHistogram minus(LatencyHistogram earlier) {
        var delta = new long[counts.length];
        for (int i = 0; i < counts.length; i++) {
            delta[i] = counts[i] - earlier.counts[i];
        }
        return new LatencyHistogram(bounds, delta);
    }

    /**
     * The latency below which a {@code quantile} (0 to 1) of the requests fall, in milliseconds, as Prometheus'
     * {@code histogram_quantile} estimates it: linear within the bucket the rank falls in (the first bucket starts
     * at 0); in the {@code +Inf} bucket, the highest finite bound. Null when no request was timed.
     */
    Double percentileMillis(double quantile) {
        long total = total();
        if (total == 0) {
            return null;
        }
        double rank = quantile * total;
        int bucket = 0;
        while (bucket < counts.length - 1 && counts[bucket] < rank) {
            bucket++;
        }
        if (bounds[bucket] == Double.POSITIVE_INFINITY) {
            return bounds.length == 1 ? null : bounds[bounds.length - 2] * 1000;
        }
        double lower = bucket == 0 ? 0 : bounds[bucket - 1];
        long below = bucket == 0 ? 0 : counts[bucket - 1];
        long inBucket = counts[bucket] - below;
        double seconds = inBucket == 0 ? bounds[bucket] : lower + (bounds[bucket] - lower) * (rank - below) / inBucket;
        return seconds * 1000;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LatencyHistogram h && Arrays.equals(bounds, h.bounds) && Arrays.equals(counts, h.counts);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(bounds) + Arrays.hashCode(counts);
    }

    @Override
    public String toString() {
        return "LatencyHistogram" + Arrays.toString(bounds) + Arrays.toString(counts);
    }
}
