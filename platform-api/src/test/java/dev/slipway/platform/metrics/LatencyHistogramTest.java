package dev.slipway.platform.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LatencyHistogramTest {

    private static final double INF = Double.POSITIVE_INFINITY;
    /** The router's first buckets, in seconds: 1, 2.5, 5, 10 ms, then +Inf. */
    private static final double[] BOUNDS = {0.001, 0.0025, 0.005, 0.010, INF};

    @Test
    void interpolatesWithinTheBucketTheRankFallsIn() {
        // 10 requests: 4 up to 1 ms, 4 more up to 2.5 ms, 2 more up to 10 ms.
        var histogram = new LatencyHistogram(BOUNDS, new long[] {4, 8, 8, 10, 10});

        // p50: rank 5, the first of the 4 in (1 ms, 2.5 ms]: 1 + 1.5 × 1/4.
        assertThat(histogram.percentileMillis(0.50)).isCloseTo(1.375, within(1e-9));
        // p95: rank 9.5, in (5 ms, 10 ms], which holds ranks 9 and 10: 5 + 5 × 1.5/2.
        assertThat(histogram.percentileMillis(0.95)).isCloseTo(8.75, within(1e-9));
        assertThat(histogram.percentileMillis(0.99)).isCloseTo(9.75, within(1e-9));
    }

    @Test
    void theFirstBucketStartsAtZero() {
        var histogram = new LatencyHistogram(BOUNDS, new long[] {2, 2, 2, 2, 2});

        assertThat(histogram.percentileMillis(0.50)).isCloseTo(0.5, within(1e-9));
    }

    @Test
    void requestsSlowerThanTheLastBoundCountAsTheLastBound() {
        var histogram = new LatencyHistogram(BOUNDS, new long[] {1, 1, 1, 1, 100});

        assertThat(histogram.percentileMillis(0.99)).isCloseTo(10, within(1e-9));
    }

    @Test
    void noRequestNoPercentile() {
        assertThat(new LatencyHistogram(BOUNDS, new long[5]).percentileMillis(0.5)).isNull();
    }

    @Test
    void anIntervalsRequestsAreTheDifferenceOfTwoReadings() {
        var before = new LatencyHistogram(BOUNDS, new long[] {4, 8, 8, 10, 10});
        var after = new LatencyHistogram(BOUNDS, new long[] {4, 8, 9, 12, 13});

        assertThat(after.follows(before)).isTrue();
        assertThat(after.minus(before)).isEqualTo(new LatencyHistogram(BOUNDS, new long[] {0, 0, 1, 2, 3}));
        assertThat(after.minus(before).percentileMillis(0.5)).isCloseTo(7.5, within(1e-9));
        assertThat(before.follows(after)).as("counts went down: the router restarted").isFalse();
    }
}
