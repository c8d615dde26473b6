package dev.slipway.platform.deployment;

import dev.slipway.platform.event.EventKind;
import dev.slipway.platform.event.ServiceEvents;
import dev.slipway.platform.instance.Supervisor;
import dev.slipway.platform.scaling.Autoscaler;
import dev.slipway.platform.service.Service;
import dev.slipway.platform.service.ServiceRepository;
import dev.slipway.platform.system.ConflictException;
import org.springframework.stereotype.Component;

/**
 * App Runner's {@code PauseService} and {@code ResumeService}: a paused service runs no instance and
 * its URL answers 503 saying it is paused; pushes still build, and the newest serves on resume. A
 * resume starts the active deployment's instances again from its image, without building.
 */
@Component
public class ServicePause {

    private final ServiceRepository services;
    private final Supervisor supervisor;
    private final ServiceStatuses statuses;
    private final ServiceEvents events;
    private final Autoscaler autoscaler;
    private final DesiredDeployments desired;

    ServicePause(ServiceRepository services, Supervisor supervisor, ServiceStatuses statuses, ServiceEvents events,
                 Autoscaler autoscaler, DesiredDeployments desired) {
        this.services = services;
        this.supervisor = supervisor;
        this.statuses = statuses;
        this.events = events;
        this.autoscaler = autoscaler;
        this.desired = desired;
    }

    /**
     * Stops the service's instances (each after its requests finish); does nothing when paused already.
     *
     * @throws ConflictException when nothing is deployed yet
     */
    public Service pause(Service service) {
        if (service.activeDeploymentId().isEmpty()) {
            throw new NothingToPauseException("Service " + service.name() + " has no deployment that serves, so there "
                    + "is nothing to pause; deploy it first.");
        }
        if (services.updatePaused(service.id(), true)) {
            autoscaler.paused(service.id());
            events.record(service.id(), EventKind.SERVICE_PAUSED, "Paused: its instances stop after their requests "
                    + "finish, and its URL answers 503 until it is resumed", null, null);
            changed(service);
        }
        return services.findById(service.id()).orElse(service);
    }

    /**
     * Serves the active deployment again, in new instances of its image (its minimum, at least one);
     * does nothing when not paused.
     */
    public Service resume(Service service) {
        if (services.updatePaused(service.id(), false)) {
            autoscaler.resumed(service.id(), desired.scalingOf(service));
            events.record(service.id(), EventKind.SERVICE_RESUMED, "Resumed: its instances start again", null, null);
            changed(service);
        }
        return services.findById(service.id()).orElse(service);
    }

    private void changed(Service service) {
        statuses.refresh(service.id());
        supervisor.reconcile(service.id());
    }

    /** A pause of a service that serves nothing. */
    static class NothingToPauseException extends ConflictException {

        NothingToPauseException(String message) {
            super(message);
        }
    }
}
