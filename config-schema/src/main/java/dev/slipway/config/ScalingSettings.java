package dev.slipway.config;

/**
 * {@code slipway.scaling}: request-concurrency autoscaling with App Runner's fields, defaults and
 * ranges, except that Slipway also allows no instance at all while idle.
 *
 * @param maxConcurrency concurrent requests per instance before another instance starts
 * @param minInstances   instances kept running; 0 scales to zero when idle (a Slipway extension)
 * @param maxInstances   the most instances that run at once
 */
public record ScalingSettings(int maxConcurrency, int minInstances, int maxInstances) {

    public static final int DEFAULT_MAX_CONCURRENCY = 100;
    public static final int LOWEST_MAX_CONCURRENCY = 1;
    public static final int HIGHEST_MAX_CONCURRENCY = 200;
    public static final int DEFAULT_MIN_INSTANCES = 1;
    /** 0 means scale to zero; App Runner's lowest is 1. */
    public static final int LOWEST_MIN_INSTANCES = 0;
    public static final int HIGHEST_MIN_INSTANCES = 25;
    public static final int DEFAULT_MAX_INSTANCES = 25;
    public static final int LOWEST_MAX_INSTANCES = 1;

    /** @throws IllegalArgumentException when a value is outside its range or min-instances exceeds max-instances */
    public ScalingSettings {
        HealthCheckSettings.requireRange("max-concurrency", maxConcurrency, LOWEST_MAX_CONCURRENCY,
                HIGHEST_MAX_CONCURRENCY);
        HealthCheckSettings.requireRange("min-instances", minInstances, LOWEST_MIN_INSTANCES, HIGHEST_MIN_INSTANCES);
        HealthCheckSettings.requireRange("max-instances", maxInstances, LOWEST_MAX_INSTANCES, Integer.MAX_VALUE);
        if (minInstances > maxInstances) {
            throw new IllegalArgumentException("min-instances " + minInstances + " exceeds max-instances "
                    + maxInstances);
        }
    }

    public static ScalingSettings defaults() {
        return new ScalingSettings(DEFAULT_MAX_CONCURRENCY, DEFAULT_MIN_INSTANCES, DEFAULT_MAX_INSTANCES);
    }

    /** Whether the service stops its last instance when idle and starts one on the next request. */
    public boolean scalesToZero() {
        return minInstances == 0;
    }
}
