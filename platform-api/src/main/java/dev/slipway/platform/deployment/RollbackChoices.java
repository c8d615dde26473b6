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

    /** Their ids; never the active deployment. */
    public Set<String> of(Service service) {
        return retention.kept(service).values().stream()
                .filter(d -> d.status().isSuccess() && d.artifact().isPresent())
                .map(Deployment::id)
                .filter(id -> !service.activeDeploymentId().equals(Optional.of(id)))
                .collect(Collectors.toUnmodifiableSet());
    }
}
