package dev.slipway.platform.bench;

import java.util.Arrays;
import java.util.Collection;

/** Percentiles by the nearest-rank method: the smallest value with at least p % of the values at or below it. */
final class ScalePercentiles {

    private ScalePercentiles() {
    }

    /**
     * The {@code percent}-th percentile (0 &lt; percent &le; 100) of {@code values}; NaN when there
     * are none.
     */
    static double nearestRank(Collection<Double> values, double percent) {
        return nearestRank(values.stream().mapToDouble(Double::doubleValue).toArray(), percent);
    }

    static double nearestRank(double[] values, double percent) {
        if (!(percent > 0 && percent <= 100)) {
            throw new IllegalArgumentException("percentile " + percent + " is not in (0, 100]");
        }
        if (values.length == 0) {
            return Double.NaN;
        }
        var sorted = values.clone();
        Arrays.sort(sorted);
        var rank = (int) Math.ceil(percent / 100 * sorted.length);
        return sorted[Math.max(rank, 1) - 1];
    }
}
