package dev.slipway.platform.instance;

import dev.slipway.build.image.Artifact;
import dev.slipway.config.HealthCheckSettings;
import dev.slipway.platform.event.EventKind;
import dev.slipway.platform.event.ServiceEvents;
import dev.slipway.platform.routing.ServiceRoutes;
import dev.slipway.platform.runtime.Container;
import dev.slipway.platform.runtime.ContainerRuntime;
import dev.slipway.platform.runtime.ContainerSpec;
import dev.slipway.platform.runtime.ContainerStartException;
import dev.slipway.platform.runtime.HealthCheck;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The steps of an instance's life, each recorded and told in the service's events: start a
 * container for it, wait for its health check, stop it (after its requests drained). Used by
 * deployments for new instances and by the supervisor for replacements.
 */
@Component
public class InstanceLifecycle {

    private static final Logger log = LoggerFactory.getLogger(InstanceLifecycle.class);

    private final InstanceRepository repository;
    private final ContainerRuntime runtime;
    private final HealthCheck healthCheck;
    private final ServiceRoutes routes;
    private final ServiceEvents events;

    InstanceLifecycle(InstanceRepository repository, ContainerRuntime runtime, ServiceRoutes routes, ServiceEvents events) {
        this.repository = repository;
        this.runtime = runtime;
        this.healthCheck = new HealthCheck(runtime);
        this.routes = routes;
        this.events = events;
    }

    /** A new instance of the deployment, not started yet. */
    public Instance create(long serviceId, String deploymentId) {
        return repository.create(serviceId, deploymentId);
    }

    /**
     * Starts a container for the instance: its first, or a new one after a crash ({@code restart}).
     *
     * @throws dev.slipway.platform.runtime.ContainerStartException when the runtime cannot start it,
     *                                                             or the instance was stopped meanwhile
     */
    public Container start(Instance instance, String service, Artifact artifact, boolean restart) {
        var container = runtime.start(new ContainerSpec(service, instance.deploymentId(), instance.id(), artifact));
        if (!repository.started(instance.id(), container.id(), container.address(), restart)) {
            runtime.stop(container.id());
            throw new ContainerStartException("instance " + instance.id() + " was stopped while it started");
        }
        events.record(instance.serviceId(), EventKind.INSTANCE_STARTED, "Instance " + instance.id()
                        + (restart ? " restarted (restart " + (instance.restarts() + 1) + ")" : " started") + " at "
                        + container.address(), instance.deploymentId(), instance.id());
        return container;
    }

    /** One health check of an address with the given settings: empty when it passed, else why not. */
    public Optional<String> probe(String address, HealthCheckSettings settings) throws InterruptedException {
        return healthCheck.probe(address, settings);
    }

    /**
     * Waits for the container's health check.
     *
     * @return empty when healthy, else why not
     */
    public Optional<String> awaitHealthy(Container container, Artifact artifact) throws InterruptedException {
        return healthCheck.awaitHealthy(container, artifact);
    }

    /**
     * Records that the instance passed its health check in its new container.
     *
     * @return false when it no longer starts in that container (it crashed or was stopped meanwhile)
     */
    public boolean markHealthy(Instance instance, Container container, boolean restart) {
        if (!repository.healthy(instance.id(), container.id())) {
            return false;
        }
        events.record(instance.serviceId(), restart ? EventKind.INSTANCE_REPLACED : EventKind.INSTANCE_HEALTHY,
                "Instance " + instance.id() + (restart ? " is healthy again at " : " is healthy at ")
                        + container.address(), instance.deploymentId(), instance.id());
        return true;
    }

    /**
     * Stops an instance that no longer gets traffic: waits up to {@code drain} for its requests in
     * flight, then stops its container.
     */
    public void stop(Instance instance, Duration drain, String why) throws InterruptedException {
        repository.setState(instance.id(), InstanceState.STOPPING, why);
        try {
            // Whatever state the caller saw: requests may be in flight to any instance that had an address.
            if (instance.address().isPresent() && !drain.isZero()
                    && !routes.awaitDrained(instance.address().get(), drain)) {
                log.info("Requests to instance {} still ran after {} s; stopping it", instance.id(), drain.toSeconds());
            }
        } finally {
            stopContainer(instance);
            repository.setState(instance.id(), InstanceState.STOPPED, why);
        }
        events.record(instance.serviceId(), EventKind.INSTANCE_STOPPED, "Instance " + instance.id() + " stopped: " + why,
                instance.deploymentId(), instance.id());
    }

    /** Removes the instance's container, whatever state it is in; a container already gone is fine. */
    public void stopContainer(Instance instance) {
        instance.containerId().ifPresent(id -> {
            try {
                runtime.stop(id);
            } catch (RuntimeException e) {
                log.warn("Could not stop container {} of instance {}: {}", id, instance.id(), e.toString());
            }
        });
    }
}
