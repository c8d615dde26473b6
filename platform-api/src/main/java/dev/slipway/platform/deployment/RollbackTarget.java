package dev.slipway.platform.deployment;

import dev.slipway.platform.service.Service;
import java.util.Optional;

/** Which earlier deployment a rollback runs again. */
final class RollbackTarget {

    private final DeploymentRepository deployments;

    RollbackTarget(DeploymentRepository deployments) {
        this.deployments = deployments;
    }

    /**
     * The deployment named by {@code targetId}, or else the newest successful one before the
     * active deployment.
     *
     * @throws NothingToRollBackException when there is none, or the named one never served
     */
    Deployment find(Service service, Optional<String> targetId) {
        var active = service.activeDeploymentId();
        if (targetId.isPresent()) {
            var target = deployments.find(targetId.get())
                    .filter(d -> d.serviceId() == service.id())
                    .orElseThrow(() -> new DeploymentNotFoundException(service.name(), targetId.get()));
            if (!target.status().isSuccess() || target.artifact().isEmpty()) {
                throw new NothingToRollBackException("Deployment " + target.id() + " never served (status "
                        + target.status() + "), so there is nothing to roll back to.");
            }
            return target;
        }
        return deployments.listForService(service.id()).stream()
                .filter(d -> d.status().isSuccess() && d.artifact().isPresent())
                .filter(d -> !active.equals(Optional.of(d.id())))
                .filter(d -> active.flatMap(deployments::find).map(a -> d.number() < a.number()).orElse(true))
                .findFirst()
                .orElseThrow(() -> new NothingToRollBackException("Service '" + service.name()
                        + "' has no earlier successful deployment to roll back to."));
    }
}
