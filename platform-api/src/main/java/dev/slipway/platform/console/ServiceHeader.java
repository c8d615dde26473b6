package dev.slipway.platform.console;

import dev.slipway.platform.service.ServiceStatus;

/**
 * What every tab of a service's page shows above its content.
 *
 * @param sourceType {@code git-push}, {@code git} or {@code image}
 * @param gitUrl     where to push, for {@code git-push} services; else null
 */
public record ServiceHeader(String name, ServiceStatus status, String statusReason, String url, String sourceType,
                            String gitUrl, String activeDeploymentId) {
}
