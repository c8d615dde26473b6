package dev.slipway.platform.deployment;

import dev.slipway.config.ScalingSettings;
import dev.slipway.platform.instance.DesiredState;
import dev.slipway.platform.instance.InstanceRepository;
import dev.slipway.platform.instance.InstanceState;
import dev.slipway.platform.scaling.Autoscaler;
import dev.slipway.platform.scaling.ScaledServices;
import dev.slipway.platform.scaling.Scaling;
import dev.slipway.platform.service.Service;
import dev.slipway.platform.service.ServiceRepository;
import java.util.List;
import java.util.Optional;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * What each service should run: its active deployment's artifact, in as many instances as the
 * autoscaler decides (none while paused), with the deployment's {@code slipway.scaling} under the
 * settings given through the API.
 */
@Component
class DesiredDeployments implements DesiredState, ScaledServices {

    private final ServiceRepository services;
    private final DeploymentRepository deployments;
    private final InstanceRepository instances;
    private final Autoscaler autoscaler;

    // Lazy: the autoscaler asks these deployments which services it scales, and they ask it how many
    // instances each runs.
    DesiredDeployments(ServiceRepository services, DeploymentRepository deployments, InstanceRepository instances,
                       @Lazy Autoscaler autoscaler) {
        this.services = services;
        this.deployments = deployments;
        this.instances = instances;
        this.autoscaler = autoscaler;
    }

    @Override
    public Optional<Desired> of(long serviceId) {
        return services.findById(serviceId).flatMap(service -> active(service).map(d -> {
            var scaling = scaling(service, d);
            int instances = autoscaler.desired(serviceId, service.name(), d.id(), scaling, service.paused());
            var serving = (int) this.instances.listNotStopped(serviceId).stream()
                    .filter(i -> i.deploymentId().equals(d.id()) && i.state() == InstanceState.HEALTHY).count();
            return new Desired(service.name(), d.id(), d.number(), d.artifact().orElseThrow(), instances,
                    scaling.admission(service.name(), instances, serving, service.paused()));
        }));
    }

    @Override
    public List<ScaledService> list() {
        return services.findAll().stream().flatMap(service -> scaled(service).stream()).toList();
    }

    @Override
    public Optional<ScaledService> find(String name) {
        return services.find(name).flatMap(this::scaled);
    }

    private Optional<ScaledService> scaled(Service service) {
        return active(service).map(d -> new ScaledService(service.id(), service.name(), d.id(), scaling(service, d),
                service.paused()));
    }

    @Override
    public Scaling scalingOf(Service service) {
        return active(service).map(d -> scaling(service, d))
                .orElseGet(() -> Scaling.of(ScalingSettings.defaults(), service.scaling()));
    }

    /** The service's scaling with a deployment's {@code apprunner.yaml}. */
    static Scaling scaling(Service service, Deployment deployment) {
        return Scaling.of(deployment.artifact().orElseThrow().run().scaling(), service.scaling());
    }

    private Optional<Deployment> active(Service service) {
        return service.activeDeploymentId().flatMap(deployments::find).filter(d -> d.artifact().isPresent());
    }
}
