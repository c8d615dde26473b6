package dev.slipway.platform.instance;

import dev.slipway.platform.event.EventKind;
import dev.slipway.platform.event.ServiceEvents;
import dev.slipway.platform.runtime.Container;
import dev.slipway.platform.runtime.ContainerRuntime;
import dev.slipway.platform.runtime.ContainerState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * After Slipway (re)starts: adopts the containers that still run for each instance on record,
 * without touching them, so they go on serving. An instance whose container is gone counts as
 * crashed and is restarted; instances of deployments that are not active any more (cut off
 * mid-way) and containers no instance owns are stopped. Instances left starting or stopping are
 * finished by the supervisor's first tick.
 */
@Component
public class InstanceRecovery {

    private static final Logger log = LoggerFactory.getLogger(InstanceRecovery.class);

    private final InstanceRepository repository;
    private final ContainerRuntime runtime;
    private final Supervisor supervisor;
    private final DesiredState desired;
    private final ServiceEvents events;

    InstanceRecovery(InstanceRepository repository, ContainerRuntime runtime, Supervisor supervisor,
                     DesiredState desired, ServiceEvents events) {
        this.repository = repository;
        this.runtime = runtime;
        this.supervisor = supervisor;
        this.desired = desired;
        this.events = events;
    }

    /** Adopts what runs, then lets the supervisor take over. */
    public void recover() {
        var running = new HashMap<String, Container>();
        runtime.list().forEach(c -> running.put(c.id(), c));
        var owned = new HashSet<String>();
        var adopted = new HashMap<Long, List<String>>();
        for (var instance : repository.listAllNotStopped()) {
            instance.containerId().filter(running::containsKey).ifPresent(owned::add);
            var active = desired.of(instance.serviceId())
                    .filter(d -> d.deploymentId().equals(instance.deploymentId())).isPresent();
            if (!active) {
                stop(instance);
            } else if (instance.state() == InstanceState.HEALTHY || instance.state() == InstanceState.STARTING) {
                var container = instance.containerId().map(running::get).orElse(null);
                if (container != null) {
                    adopted.computeIfAbsent(instance.serviceId(), k -> new ArrayList<>()).add(instance.id());
                } else if (instance.containerId().isPresent()) {
                    vanished(instance);
                }
            }
        }
        for (var container : running.values()) {
            if (!owned.contains(container.id())) {
                log.info("Stopping container {} of {}: no instance owns it", container.id(), container.service());
                runtime.stop(container.id());
            }
        }
        adopted.forEach((serviceId, ids) -> events.record(serviceId, EventKind.SLIPWAY_RESTARTED,
                "Slipway started and adopted " + ids.size() + " instance(s) whose containers still run: "
                        + String.join(", ", ids) + " (" + runtime.name() + " runtime)", null, null));
        for (var serviceId : repository.servicesWithInstances()) {
            supervisor.keeper(serviceId).publishRoutes();
            supervisor.changed(serviceId);
        }
        supervisor.start();
        log.info("Adopted {} running instance(s) of {} service(s)", owned.size(), adopted.size());
    }

    /** An instance of a deployment that is not active: cut off before it switched, or replaced. */
    private void stop(Instance instance) {
        try {
            supervisor.instances().stop(instance, Duration.ZERO, "its deployment is not active");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Its container is not among this runtime's: it ended while Slipway was down, or an older
     * Slipway made it without the labels this one looks for. Either way it is removed, and the
     * instance counts as crashed, so it starts again in a new container.
     */
    private void vanished(Instance instance) {
        var id = instance.containerId().orElseThrow();
        var state = runtime.state(id);
        supervisor.instances().stopContainer(instance);
        supervisor.keeper(instance.serviceId()).containerEnded(instance, new Container(id, "", instance.deploymentId(),
                instance.id(), instance.address().orElse("")), state.running()
                ? ContainerState.ended("not adopted: made by an older Slipway") : state);
    }
}
