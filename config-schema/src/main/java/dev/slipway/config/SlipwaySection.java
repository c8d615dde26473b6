package dev.slipway.config;

import java.util.Objects;

/**
 * The top-level {@code slipway} section: service settings that App Runner keeps outside the file.
 * Every part has its defaults when the file leaves it out.
 */
public record SlipwaySection(HealthCheckSettings healthCheck, ScalingSettings scaling, InstanceSettings instance) {

    public SlipwaySection {
        Objects.requireNonNull(healthCheck, "healthCheck");
        Objects.requireNonNull(scaling, "scaling");
        Objects.requireNonNull(instance, "instance");
    }

    public static SlipwaySection defaults() {
        return new SlipwaySection(HealthCheckSettings.defaults(), ScalingSettings.defaults(),
                InstanceSettings.defaults());
    }
}
