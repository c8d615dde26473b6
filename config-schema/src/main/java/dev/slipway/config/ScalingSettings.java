package dev.slipway.config;

import java.time.Duration;

/**
 * {@code slipway.scaling}: request-concurrency autoscaling with App Runner's fields, defaults and
 * ranges, except that Slipway also allows no instance at all while idle, and says how fast it
 * scales in and when it stops the last instance.
 *
 * @param maxConcurrency          concurrent requests per instance before another instance starts
 * @param minInstances            instances kept running; 0 scales to zero when idle (a Slipway extension)
 * @param maxInstances            the most instances that run at once
 * @param hardLimit               the most requests an instance is ever sent at once, more wait in the
 *                                router; 0 for none (only {@code maxConcurrency} at {@code maxInstances})
 * @param stableWindowSeconds     how long the load must stay lower before instances are removed; 0 means
 *                                the default
 * @param scaleToZeroAfterSeconds with {@code minInstances} 0, how long without a request before the last
 *                                instance stops; 0 means the default
 */
public record ScalingSettings(int maxConcurrency, int minInstances, int maxInstances, int hardLimit,
                              int stableWindowSeconds, int scaleToZeroAfterSeconds) {

    public static final int DEFAULT_MAX_CONCURRENCY = 100;
    public static final int LOWEST_MAX_CONCURRENCY = 1;
    public static final int HIGHEST_MAX_CONCURRENCY = 200;
    public static final int DEFAULT_MIN_INSTANCES = 1;
    /** 0 means scale to zero; App Runner's lowest is 1. */
    public static final int LOWEST_MIN_INSTANCES = 0;
    public static final int HIGHEST_MIN_INSTANCES = 25;
    public static final int DEFAULT_MAX_INSTANCES = 25;
    public static final int LOWEST_MAX_INSTANCES = 1;
    public static final int HIGHEST_HARD_LIMIT = 1000;
    public static final int DEFAULT_STABLE_WINDOW_SECONDS = 60;
    public static final int HIGHEST_STABLE_WINDOW_SECONDS = 3600;
    public static final int DEFAULT_SCALE_TO_ZERO_AFTER_SECONDS = 300;
    public static final int HIGHEST_SCALE_TO_ZERO_AFTER_SECONDS = 86_400;

    /** @throws IllegalArgumentException when a value is outside its range or min-instances exceeds max-instances */
    public ScalingSettings {
        HealthCheckSettings.requireRange("max-concurrency", maxConcurrency, LOWEST_MAX_CONCURRENCY,
                HIGHEST_MAX_CONCURRENCY);
        HealthCheckSettings.requireRange("min-instances", minInstances, LOWEST_MIN_INSTANCES, HIGHEST_MIN_INSTANCES);
        HealthCheckSettings.requireRange("max-instances", maxInstances, LOWEST_MAX_INSTANCES, Integer.MAX_VALUE);
        HealthCheckSettings.requireRange("hard-limit", hardLimit, 0, HIGHEST_HARD_LIMIT);
        // 0 stands for the default, so that settings stored before these fields existed still read.
        stableWindowSeconds = stableWindowSeconds == 0 ? DEFAULT_STABLE_WINDOW_SECONDS : stableWindowSeconds;
        scaleToZeroAfterSeconds = scaleToZeroAfterSeconds == 0 ? DEFAULT_SCALE_TO_ZERO_AFTER_SECONDS
                : scaleToZeroAfterSeconds;
        HealthCheckSettings.requireRange("stable-window", stableWindowSeconds, 1, HIGHEST_STABLE_WINDOW_SECONDS);
        HealthCheckSettings.requireRange("scale-to-zero-after", scaleToZeroAfterSeconds, 1,
                HIGHEST_SCALE_TO_ZERO_AFTER_SECONDS);
        if (minInstances > maxInstances) {
            throw new IllegalArgumentException("min-instances " + minInstances + " exceeds max-instances "
                    + maxInstances);
        }
    }

    /** App Runner's three settings, with Slipway's defaults for the rest. */
    public ScalingSettings(int maxConcurrency, int minInstances, int maxInstances) {
        this(maxConcurrency, minInstances, maxInstances, 0, 0, 0);
    }

    public static ScalingSettings defaults() {
        return new ScalingSettings(DEFAULT_MAX_CONCURRENCY, DEFAULT_MIN_INSTANCES, DEFAULT_MAX_INSTANCES);
    }

    /** Whether the service stops its last instance when idle and starts one on the next request. */
    public boolean scalesToZero() {
        return minInstances == 0;
    }

    public Duration stableWindow() {
        return Duration.ofSeconds(stableWindowSeconds);
    }

    public Duration scaleToZeroAfter() {
        return Duration.ofSeconds(scaleToZeroAfterSeconds);
    }
}
