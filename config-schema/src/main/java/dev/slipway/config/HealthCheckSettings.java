package dev.slipway.config;

import java.time.Duration;
import java.util.Objects;

/**
 * {@code slipway.health-check}: how Slipway decides an instance is healthy, with App Runner's
 * fields, defaults and ranges, plus a start-up grace period.
 *
 * @param protocol           TCP connects to the app's port; HTTP requests {@code path} and wants a 2xx
 * @param path               the HTTP path, starting with {@code /} (unused with TCP)
 * @param intervalSeconds    seconds between checks
 * @param timeoutSeconds     seconds a check may take
 * @param healthyThreshold   consecutive passes that make an instance healthy
 * @param unhealthyThreshold consecutive failures that make an instance unhealthy
 * @param gracePeriodSeconds seconds after start during which failed checks do not count
 */
public record HealthCheckSettings(Protocol protocol, String path, int intervalSeconds, int timeoutSeconds,
        int healthyThreshold, int unhealthyThreshold, int gracePeriodSeconds) {

    /** How a health check reaches the app. */
    public enum Protocol {
        TCP, HTTP
    }

    public static final Protocol DEFAULT_PROTOCOL = Protocol.TCP;
    public static final String DEFAULT_PATH = "/";
    public static final int DEFAULT_INTERVAL_SECONDS = 5;
    public static final int DEFAULT_TIMEOUT_SECONDS = 2;
    public static final int DEFAULT_HEALTHY_THRESHOLD = 1;
    public static final int DEFAULT_UNHEALTHY_THRESHOLD = 5;
    public static final int DEFAULT_GRACE_PERIOD_SECONDS = 0;

    /** Smallest interval, timeout and threshold, as App Runner allows. */
    public static final int MIN_VALUE = 1;
    /** Largest interval, timeout and threshold, as App Runner allows. */
    public static final int MAX_VALUE = 20;
    /** Longest start-up grace period: one hour. */
    public static final int MAX_GRACE_PERIOD_SECONDS = 3600;

    /** @throws IllegalArgumentException when a value is outside its range or the path does not start with / */
    public HealthCheckSettings {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(path, "path");
        if (!path.startsWith(DEFAULT_PATH)) {
            throw new IllegalArgumentException("path must start with /: " + path);
        }
        requireRange("interval", intervalSeconds, MIN_VALUE, MAX_VALUE);
        requireRange("timeout", timeoutSeconds, MIN_VALUE, MAX_VALUE);
        requireRange("healthy-threshold", healthyThreshold, MIN_VALUE, MAX_VALUE);
        requireRange("unhealthy-threshold", unhealthyThreshold, MIN_VALUE, MAX_VALUE);
        requireRange("grace-period", gracePeriodSeconds, 0, MAX_GRACE_PERIOD_SECONDS);
    }

    public static HealthCheckSettings defaults() {
        return new HealthCheckSettings(DEFAULT_PROTOCOL, DEFAULT_PATH, DEFAULT_INTERVAL_SECONDS,
                DEFAULT_TIMEOUT_SECONDS, DEFAULT_HEALTHY_THRESHOLD, DEFAULT_UNHEALTHY_THRESHOLD,
                DEFAULT_GRACE_PERIOD_SECONDS);
    }

    public Duration interval() {
        return Duration.ofSeconds(intervalSeconds);
    }

    public Duration timeout() {
        return Duration.ofSeconds(timeoutSeconds);
    }

    public Duration gracePeriod() {
        return Duration.ofSeconds(gracePeriodSeconds);
    }

    static void requireRange(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be from " + min + " to " + max + ": " + value);
        }
    }
}
