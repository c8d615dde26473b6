package dev.slipway.platform.service;

import java.time.Instant;
import java.util.Optional;

/**
 * A service as stored.
 *
 * @param statusReason       why the status is what it is, when that is not obvious
 * @param activeDeploymentId the deployment serving traffic, if any
 * @param s3                 the service's own S3 settings for its models, over Slipway's
 * @param scaling            scaling settings given through the API
 * @param paused             whether it was paused: it runs no instance until resumed
 */
public record Service(long id, String name, ServiceSource source, ServiceStatus status,
                      Optional<String> statusReason, Optional<String> activeDeploymentId,
                      Optional<S3Settings> s3, ScalingOverrides scaling, boolean paused, Instant createdAt,
                      Instant updatedAt) {
}
