package dev.slipway.platform.deployment;

import dev.slipway.platform.instance.DesiredState;
import dev.slipway.platform.instance.InstanceChangeListener;
import dev.slipway.platform.instance.InstanceHealth;
import dev.slipway.platform.instance.InstanceRepository;
import dev.slipway.platform.service.Service;
import dev.slipway.platform.service.ServiceRepository;
import dev.slipway.platform.service.ServiceStatus;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The one place that decides a service's status and reason, from its deployments and its
 * instances, in App Runner's words: {@code OPERATION_IN_PROGRESS} while a deployment is queued or
 * runs, or while no instance is healthy; {@code RUNNING} while at least one instance serves (the
 * reason says when not all do) or while scaled to zero; {@code PAUSED} while paused, whatever
 * else goes on; {@code CREATE_FAILED} when nothing ever deployed.
 */
@Component
class ServiceStatuses implements InstanceChangeListener {

    private final ServiceRepository services;
    private final DeploymentRepository deployments;
    private final InstanceRepository instances;
    private final DesiredDeployments desired;

    ServiceStatuses(ServiceRepository services, DeploymentRepository deployments, InstanceRepository instances,
                    DesiredDeployments desired) {
        this.services = services;
        this.deployments = deployments;
        this.instances = instances;
        this.desired = desired;
    }

    @Override
    public void instancesChanged(long serviceId) {
        refresh(serviceId);
    }

    /** Works out the service's status again and stores it. */
    synchronized void refresh(long serviceId) {
        var service = services.findById(serviceId).orElse(null);
        if (service == null) {
            return;
        }
        var all = deployments.listForService(serviceId);
        var latest = all.stream().findFirst();
        var active = service.activeDeploymentId().flatMap(id -> all.stream().filter(d -> d.id().equals(id)).findFirst());
        var underway = all.stream().filter(d -> !d.status().isFinished()).reduce((newer, older) -> older);
        var target = desired.of(serviceId);
        var wanted = target.map(DesiredState.Desired::instances).orElse(1);
        var scalesToZero = target.map(d -> d.admission().holdWhileEmpty()).orElse(false);
        var health = active.map(a -> InstanceHealth.of(service.name(), instances.listNotStopped(serviceId).stream()
                .filter(i -> i.deploymentId().equals(a.id())).toList(), wanted, Instant.now()));
        if (service.paused()) {
            set(service, ServiceStatus.PAUSED, active.map(a -> "Paused; POST /api/v1/services/" + service.name()
                    + "/resume serves deployment " + a.number() + " again.").orElse("Paused; resume it to serve it."));
        } else if (underway.isPresent()) {
            var d = underway.get();
            var reason = "Deployment " + d.number() + (d.status() == DeploymentStatus.PENDING ? " is queued." : " is in progress.");
            set(service, ServiceStatus.OPERATION_IN_PROGRESS, reason + health.filter(h -> !h.complete())
                    .map(h -> " " + sentence(h)).orElse(""));
        } else if (active.isEmpty()) {
            latest.filter(d -> d.status().isFinished() && !d.status().isSuccess()).ifPresent(d ->
                    set(service, ServiceStatus.CREATE_FAILED, "Deployment " + d.number() + " failed; nothing serves yet."));
        } else if (wanted == 0 && health.get().healthy() == 0) {
            set(service, ServiceStatus.RUNNING, "Scaled to zero; the next request starts an instance.");
        } else if (scalesToZero && health.get().healthy() == 0 && health.get().starting()
                && health.get().problem().isPresent()) {
            set(service, ServiceStatus.RUNNING, "Waking from zero: " + health.get().problem().get() + ".");
        } else if (health.get().healthy() == 0) {
            set(service, ServiceStatus.OPERATION_IN_PROGRESS, "No instance is healthy: "
                    + health.get().problem().orElse("none runs") + ".");
        } else if (!health.get().complete()) {
            set(service, ServiceStatus.RUNNING, sentence(health.get()));
        } else {
            var failedSince = latest.filter(d -> !d.status().isSuccess() && d.number() > active.get().number());
            set(service, ServiceStatus.RUNNING, failedSince.map(d -> "Deployment " + d.number() + " failed; deployment "
                    + active.get().number() + " still serves.").orElse(null));
        }
    }

    private static String sentence(InstanceHealth health) {
        return health.healthy() + " of " + health.desired() + " instances healthy"
                + health.problem().map(p -> "; " + p).orElse("") + ".";
    }

    private void set(Service service, ServiceStatus status, String reason) {
        if (service.status() != status || !service.statusReason().equals(Optional.ofNullable(reason))) {
            services.updateStatus(service.id(), status, reason);
        }
    }
}
