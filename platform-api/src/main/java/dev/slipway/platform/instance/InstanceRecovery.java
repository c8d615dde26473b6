package dev.slipway.platform.instance;

import dev.slipway.platform.event.EventKind;
import dev.slipway.platform.event.ServiceEvents;
import dev.slipway.platform.runtime.Container;
import dev.slipway.platform.runtime.ContainerRuntime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * After Slipway (re)starts: adopts the containers that still run for each instance on record,
 * without touching them, so they go on serving; an instance whose container is gone counts as
 * crashed and is restarted; instances of deployments that are not active any more (cut off
 * mid-way) and containers no instance owns are stopped.
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
        var adopted = new HashMap<Long, java.util.List<String>>();
        for (var instance : repository.listAllLive()) {
            var active = desired.of(instance.serviceId())
                    .filter(d -> d.deploymentId().equals(instance.deploymentId())).isPresent();
            var container = instance.containerId().map(running::get).orElse(null);
            if (!active) {
                supervisor.instances().stopContainer(instance);
                repository.setState(instance.id(), InstanceState.STOPPED, "its deployment is not active");
                continue;
            }
            if (container == null) {
                if (instance.state() == InstanceState.HEALTHY || instance.state() == InstanceState.STARTING) {
                    var keeper = supervisor.keeper(instance.serviceId());
                    var id = instance.containerId().orElse("none");
                    keeper.containerEnded(instance, new Container(id, "", instance.deploymentId(), instance.id(),
                            instance.address().orElse("")), runtime.state(id));
                }
                continue;
            }
            owned.add(container.id());
            adopted.computeIfAbsent(instance.serviceId(), k -> new ArrayList<>()).add(instance.id());
            if (instance.state() == InstanceState.STARTING) {
                // Its startup check was cut off; the supervisor's checks decide from here.
                repository.healthy(instance.id());
            }
        }
        for (var container : running.values()) {
            if (!owned.contains(container.id())) {
                log.info("Stopping container {} of {}: no instance owns it", container.id(), container.service());
                runtime.stop(container.id());
            }
        }
        adopted.forEach((serviceId, ids) -> events.record(serviceId, EventKind.SLIPWAY_RESTARTED,
                "Slipway started and adopted " + ids.size() + " running instance(s): " + String.join(", ", ids)
                        + " on the " + runtime.name() + " runtime", null, null));
        for (var serviceId : repository.servicesWithInstances()) {
            supervisor.keeper(serviceId).publishRoutes();
            supervisor.changed(serviceId);
        }
        supervisor.start();
        log.info("Adopted {} running instance(s) of {} service(s)", owned.size(), adopted.size());
    }
}
