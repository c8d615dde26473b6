package dev.slipway.platform.deployment;

import dev.slipway.platform.service.Service;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** The deployments a service can roll back to now: ones that served and whose artifact is still kept. */
@Component
public class RollbackChoices {

    private final ArtifactRetention retention;

    RollbackChoices(ArtifactRetention retention) {
        this.retention = retention;
    }

    /** Whether {@code deployment} served: it succeeded and has an artifact to run again. */
    static boolean served(Deployment deployment) {
        return deployment.status().isSuccess() && deployment.artifact().isPresent();
    }

    /** Their ids; never the active deployment. */
    public Set<String> of(Service service) {
        return retention.kept(service).values().stream()
                .filter(RollbackChoices::served)
                .map(Deployment::id)
                .filter(id -> !service.activeDeploymentId().equals(Optional.of(id)))
                .collect(Collectors.toUnmodifiableSet());
    }
}
