package dev.slipway.platform.service;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Scaling settings given through the API, in App Runner's names; each one set wins over the
 * service's {@code apprunner.yaml} and is kept across deployments. Null: not set.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ScalingOverrides(Integer maxConcurrency, Integer minSize, Integer maxSize) {

    public static final ScalingOverrides NONE = new ScalingOverrides(null, null, null);

    public boolean isEmpty() {
        return maxConcurrency == null && minSize == null && maxSize == null;
    }
}
