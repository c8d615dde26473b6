package dev.slipway.platform.deployment;

import dev.slipway.build.image.Artifact;
import dev.slipway.platform.instance.DesiredState;
import dev.slipway.platform.service.ServiceRepository;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * What each service should run: its active deployment's artifact, in as many instances as the
 * deployment's {@code slipway.scaling.min-instances} asks (at least one: scaling to zero waits for
 * the autoscaler).
 */
@Component
class DesiredDeployments implements DesiredState {

    private final ServiceRepository services;
    private final DeploymentRepository deployments;

    DesiredDeployments(ServiceRepository services, DeploymentRepository deployments) {
        this.services = services;
        this.deployments = deployments;
    }

    @Override
    public Optional<Desired> of(long serviceId) {
        return services.findById(serviceId).flatMap(service -> service.activeDeploymentId()
                .flatMap(deployments::find)
                .filter(d -> d.artifact().isPresent())
                .map(d -> new Desired(service.name(), d.id(), d.number(), d.artifact().get(),
                        instances(d.artifact().get()))));
    }

    /** How many instances a deployment of this artifact runs. */
    static int instances(Artifact artifact) {
        return Math.max(1, artifact.run().scaling().minInstances());
    }
}
