package dev.slipway.platform.deployment;

import java.util.concurrent.CompletableFuture;

/**
 * A deployment that was queued.
 *
 * @param deployment the deployment as created ({@link DeploymentStatus#PENDING})
 * @param result     completes with the deployment as it finished, failed or not
 */
public record RunningDeployment(Deployment deployment, CompletableFuture<Deployment> result) {
}
