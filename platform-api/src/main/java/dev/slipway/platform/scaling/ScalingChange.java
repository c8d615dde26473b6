package dev.slipway.platform.scaling;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * What a {@code PATCH} of a service's scaling asks, by App Runner's names: per setting named, a new
 * value, or empty to hand it back to {@code apprunner.yaml}; a setting not named stays as it is.
 */
public record ScalingChange(Map<String, OptionalLong> settings) {

    /** The settings the API can change. */
    public static final List<String> NAMES = List.of("maxConcurrency", "minSize", "maxSize");

    public ScalingChange {
        settings = Map.copyOf(settings);
    }
}
