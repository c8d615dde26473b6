package dev.slipway.platform.deployment;

import dev.slipway.build.image.Artifact;
import dev.slipway.platform.routing.ServiceRoutes;
import dev.slipway.platform.runtime.ContainerRuntime;
import dev.slipway.platform.runtime.Container;
import dev.slipway.platform.runtime.ContainerSpec;
import dev.slipway.platform.runtime.ContainerStartException;
import dev.slipway.platform.runtime.HealthCheck;
import dev.slipway.platform.service.Service;
import dev.slipway.platform.service.ServiceRepository;
import dev.slipway.platform.service.ServiceStatus;
import dev.slipway.platform.system.SlipwayProperties;
import dev.slipway.router.RouterOptions;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Puts an artifact into service without dropping a request: start a new instance, wait until it
 * is healthy, move traffic to it, let requests to the old instance finish, then stop the old one.
 * Until traffic moves, a failure leaves the old instance serving.
 */
@Component
class Release {

    private static final Logger log = LoggerFactory.getLogger(Release.class);

    private final ContainerRuntime runtime;
    private final HealthCheck healthCheck;
    private final ServiceRoutes routes;
    private final ServiceRepository services;
    private final DeploymentRepository deployments;
    private final Duration drainTimeout;

    Release(ContainerRuntime runtime, ServiceRoutes routes, ServiceRepository services,
            DeploymentRepository deployments, SlipwayProperties properties) {
        this.runtime = runtime;
        this.healthCheck = new HealthCheck(runtime);
        this.routes = routes;
        this.services = services;
        this.deployments = deployments;
        this.drainTimeout = properties.deployments().drainTimeout();
    }

    /** @throws DeploymentFailedException when the new instance does not start or never gets healthy */
    void release(DeploymentRun run, Artifact artifact, Optional<Deployment> previous) throws InterruptedException {
        var service = run.service();
        var instance = startHealthy(run, artifact);
        try {
            run.commitToSwitch();
        } catch (InterruptedException e) {
            stopQuietly(instance);
            throw e;
        }
        run.enter(DeploymentPhase.SWITCHING_TRAFFIC);
        routes.route(service.name(), instance.address(), artifact.run().requestTimeout());
        services.activate(service.id(), run.id());
        run.note("Traffic moved to " + instance.address());
        var old = previous.filter(p -> p.instanceId().isPresent() && p.instanceAddress().isPresent());
        if (old.isPresent() && !old.get().instanceId().equals(Optional.of(instance.id()))) {
            run.enter(DeploymentPhase.DRAINING);
            var address = old.get().instanceAddress().orElseThrow();
            if (!routes.awaitDrained(address, drainTimeout)) {
                run.note("Requests to the old instance still ran after " + drainTimeout.toSeconds() + " s; stopping it");
            }
            runtime.stop(old.get().instanceId().orElseThrow());
        }
        run.endPhase();
    }

    /** Starts an instance of the artifact and waits until it passes its health check. */
    Container startHealthy(DeploymentRun run, Artifact artifact) throws InterruptedException {
        run.enter(DeploymentPhase.STARTING);
        Container instance;
        try {
            instance = runtime.start(new ContainerSpec(run.service().name(), run.id(), "i" + Long.toHexString(System.nanoTime()), artifact));
        } catch (ContainerStartException e) {
            throw new DeploymentFailedException(e.getMessage(), e);
        }
        deployments.recordInstance(run.id(), instance.id(), instance.address());
        run.enter(DeploymentPhase.HEALTH_CHECKING);
        Optional<String> unhealthy;
        try {
            unhealthy = healthCheck.awaitHealthy(instance, artifact.run().healthCheck());
        } catch (InterruptedException e) {
            stopQuietly(instance);
            throw e;
        }
        if (unhealthy.isPresent()) {
            stopQuietly(instance);
            throw new DeploymentFailedException("Health check failed: " + unhealthy.get());
        }
        run.note("Container healthy at " + instance.address());
        return instance;
    }

    /** Stops the service's active instance (the service is being deleted). */
    void retire(long serviceId) {
        services.findById(serviceId).flatMap(Service::activeDeploymentId).flatMap(deployments::find)
                .flatMap(Deployment::instanceId).ifPresent(runtime::stop);
    }

    /**
     * Serves the service's active deployment again after a restart: adopts its instance when it
     * still runs and accepts connections, else starts a new one from the artifact.
     */
    void restore(long serviceId) throws InterruptedException {
        var service = services.findById(serviceId).orElse(null);
        var active = service == null ? Optional.<Deployment>empty()
                : service.activeDeploymentId().flatMap(deployments::find);
        if (active.isEmpty()) {
            return;
        }
        var deployment = active.get();
        var adopted = runtime.list().stream()
                .filter(i -> deployment.instanceId().equals(Optional.of(i.id())))
                .filter(i -> HealthCheck.accepts(i.address()))
                .findFirst();
        if (adopted.isPresent()) {
            routes.route(service.name(), adopted.get().address(),
                    deployment.artifact().map(a -> a.run().requestTimeout()).orElse(RouterOptions.DEFAULT_REQUEST_TIMEOUT));
            deployments.recordInstance(deployment.id(), adopted.get().id(), adopted.get().address());
            services.updateStatus(serviceId, ServiceStatus.RUNNING, null);
            log.info("Adopted running instance {} of {} at {}", adopted.get().id(), service.name(),
                    adopted.get().address());
            return;
        }
        deployment.instanceId().ifPresent(this::stopQuietly);
        var artifact = deployment.artifact().orElseThrow();
        var instance = runtime.start(new ContainerSpec(service.name(), deployment.id(), "i" + Long.toHexString(System.nanoTime()), artifact));
        var unhealthy = healthCheck.awaitHealthy(instance, artifact.run().healthCheck());
        if (unhealthy.isPresent()) {
            stopQuietly(instance);
            services.updateStatus(serviceId, ServiceStatus.RUNNING, "Could not restart deployment "
                    + deployment.number() + " after Slipway restarted: " + unhealthy.get());
            return;
        }
        deployments.recordInstance(deployment.id(), instance.id(), instance.address());
        routes.route(service.name(), instance.address(), artifact.run().requestTimeout());
        services.updateStatus(serviceId, ServiceStatus.RUNNING, null);
        log.info("Restarted deployment {} of {} at {}", deployment.number(), service.name(), instance.address());
    }

    private void stopQuietly(String instanceId) {
        try {
            runtime.stop(instanceId);
        } catch (RuntimeException e) {
            log.warn("Could not stop instance {}: {}", instanceId, e.getMessage());
        }
    }

    private void stopQuietly(Container instance) {
        try {
            runtime.stop(instance.id());
        } catch (RuntimeException e) {
            log.warn("Could not stop unhealthy instance {}: {}", instance.id(), e.getMessage());
        }
    }
}
