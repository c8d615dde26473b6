package dev.slipway.platform.metrics;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A service's traffic over a {@link MetricsRange}, one point per step, oldest first, as {@code GET
 * /api/v1/services/{name}/metrics} answers it.
 *
 * @param range                 {@code 1h}, {@code 6h} or {@code 24h}
 * @param stepSeconds           the time each point covers
 * @param sampleIntervalSeconds how often the samples the points sum up were taken
 */
public record MetricsSeries(String service, String range, long stepSeconds, long sampleIntervalSeconds,
                            List<Point> points) {

    /** The newest point that has samples. */
    public Optional<Point> latest() {
        return newest(p -> p.requestsPerSecond() != null);
    }

    /** The newest point with a latency: some request was answered in it. */
    public Optional<Point> latestAnswered() {
        return newest(p -> p.latencyP50Ms() != null);
    }

    private Optional<Point> newest(Predicate<Point> test) {
        for (int i = points.size() - 1; i >= 0; i--) {
            if (test.test(points.get(i))) {
                return Optional.of(points.get(i));
            }
        }
        return Optional.empty();
    }

    /**
     * The step starting at {@code time}. Without samples in it (Slipway was stopped, the router was down or did not
     * route the service) only {@code time} is set. Rates are per second averaged over the step; latencies are in ms,
     * null when no request was answered; concurrency and active instances are the highest sampled in the step.
     */
    public record Point(Instant time, Double requestsPerSecond, Double status2xxPerSecond, Double status4xxPerSecond,
                        Double status5xxPerSecond, Double latencyP50Ms, Double latencyP95Ms, Double latencyP99Ms,
                        Integer concurrency, Integer activeInstances) {

        /** A step without samples. */
        public static Point empty(Instant time) {
            return new Point(time, null, null, null, null, null, null, null, null, null);
        }
    }
}
