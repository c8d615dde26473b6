package dev.slipway.platform.event;

import java.time.Instant;
import java.util.Optional;

/**
 * Something that happened to a service, for its event log.
 *
 * @param id           increasing with time, across services
 * @param deploymentId the deployment it concerns, if any
 * @param instanceId   the instance it concerns, if any
 */
public record ServiceEvent(long id, long serviceId, Instant time, EventKind kind, String message,
                           Optional<String> deploymentId, Optional<String> instanceId) {
}
