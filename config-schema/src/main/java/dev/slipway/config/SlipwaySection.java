package dev.slipway.config;

import java.util.Objects;

/**
 * The top-level {@code slipway} section: service settings that App Runner keeps outside the file.
 * Every part has its defaults when the file leaves it out.
 *
 * @param requestTimeoutSeconds how long the router waits for the app to start answering a request
 *                              ({@code slipway.request-timeout}); App Runner's fixed limit is 120 s
 */
public record SlipwaySection(HealthCheckSettings healthCheck, ScalingSettings scaling, InstanceSettings instance,
                             int requestTimeoutSeconds) {

    /** App Runner's request limit. */
    public static final int DEFAULT_REQUEST_TIMEOUT_SECONDS = 120;
    /** Twelve hours: long model runs, streaming and WebSockets, still bounded. */
    public static final int MAX_REQUEST_TIMEOUT_SECONDS = 12 * 3600;

    public SlipwaySection {
        Objects.requireNonNull(healthCheck, "healthCheck");
        Objects.requireNonNull(scaling, "scaling");
        Objects.requireNonNull(instance, "instance");
        HealthCheckSettings.requireRange("request-timeout", requestTimeoutSeconds, 1, MAX_REQUEST_TIMEOUT_SECONDS);
    }

    /** The settings with App Runner's request timeout. */
    public SlipwaySection(HealthCheckSettings healthCheck, ScalingSettings scaling, InstanceSettings instance) {
        this(healthCheck, scaling, instance, DEFAULT_REQUEST_TIMEOUT_SECONDS);
    }

    public static SlipwaySection defaults() {
        return new SlipwaySection(HealthCheckSettings.defaults(), ScalingSettings.defaults(),
                InstanceSettings.defaults());
    }

    public java.time.Duration requestTimeout() {
        return java.time.Duration.ofSeconds(requestTimeoutSeconds);
    }
}
