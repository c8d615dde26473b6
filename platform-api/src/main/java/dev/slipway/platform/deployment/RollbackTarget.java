package dev.slipway.platform.deployment;

import dev.slipway.platform.service.Service;
import java.util.Optional;

/** Which earlier deployment a rollback runs again. */
final class RollbackTarget {

    private final DeploymentRepository deployments;
    private final ArtifactRetention retention;

    RollbackTarget(DeploymentRepository deployments, ArtifactRetention retention) {
        this.deployments = deployments;
        this.retention = retention;
    }

    /**
     * The deployment named by {@code targetId}, or else the newest successful one before the
     * active deployment.
     *
     * @throws NothingToRollBackException when there is none, the named one never served, or its artifact was
     *                                    removed
     */
    Deployment find(Service service, Optional<String> targetId) {
        var active = service.activeDeploymentId();
        if (targetId.isPresent()) {
            var target = deployments.get(service, targetId.get());
            if (!RollbackChoices.served(target)) {
                throw new NothingToRollBackException("Deployment " + target.id() + " never served (status "
                        + target.status() + "), so there is nothing to roll back to.");
            }
            if (!retention.kept(service).containsKey(target.id())) {
                throw new NothingToRollBackException("Deployment " + target.id() + "'s artifact was removed: only the "
                        + "newest successful deployments keep theirs (SLIPWAY_KEEP_ARTIFACTS). Roll back to a newer one, "
                        + "or push its commit again.");
            }
            return target;
        }
        var kept = retention.kept(service);
        return deployments.listForService(service.id()).stream()
                .filter(d -> RollbackChoices.served(d) && kept.containsKey(d.id()))
                .filter(d -> !active.equals(Optional.of(d.id())))
                .filter(d -> active.flatMap(deployments::find).map(a -> d.number() < a.number()).orElse(true))
                .findFirst()
                .orElseThrow(() -> new NothingToRollBackException("Service '" + service.name()
                        + "' has no earlier successful deployment to roll back to."));
    }
}
