package dev.slipway.platform.instance;

import dev.slipway.platform.runtime.Container;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compares the instances on record with the containers the runtime actually runs, in case an exit
 * was never reported (a missed Docker event): an instance whose container is gone counts as
 * crashed; a container no instance runs in (an instance's earlier container whose removal failed,
 * or one whose instance is gone) is stopped once it was seen so twice in a row.
 */
final class Resync implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(Resync.class);
    /** Containers seen without an owner at the previous run. */
    private final Set<String> orphansSeen = ConcurrentHashMap.newKeySet();

    private final Supervisor supervisor;

    Resync(Supervisor supervisor) {
        this.supervisor = supervisor;
    }

    @Override
    public void run() {
        try {
            // Instances first: a container started after this list is not yet on it, so it is never
            // mistaken for the container of an instance that vanished.
            var live = supervisor.repository().listAllNotStopped();
            var running = new HashMap<String, Container>();
            supervisor.runtime().list().forEach(c -> running.put(c.id(), c));
            var owned = new HashSet<String>();
            var byId = new HashMap<String, Instance>();
            for (var instance : live) {
                byId.put(instance.id(), instance);
                instance.containerId().ifPresent(owned::add);
                var keeper = supervisor.keeper(instance.serviceId());
                var container = instance.containerId().orElse(null);
                if (container != null && !running.containsKey(container) && !keeper.isBusy(instance.id())
                        && (instance.state() == InstanceState.HEALTHY || instance.state() == InstanceState.STARTING)) {
                    keeper.containerEnded(instance, new Container(container, "", instance.deploymentId(),
                            instance.id(), instance.address().orElse("")), supervisor.runtime().state(container));
                }
            }
            var orphans = new HashSet<String>();
            for (var container : running.values()) {
                // A container just started for an instance whose start is under way is not on record yet.
                var owner = container.instanceId() == null ? null : byId.get(container.instanceId());
                var starting = owner != null && supervisor.keeper(owner.serviceId()).isBusy(owner.id());
                if (!owned.contains(container.id()) && !starting) {
                    orphans.add(container.id());
                    if (orphansSeen.contains(container.id())) {
                        log.info("Stopping container {} of {}: no instance runs in it", container.id(), container.service());
                        supervisor.work(() -> supervisor.runtime().stop(container.id()));
                    }
                }
            }
            orphansSeen.retainAll(orphans);
            orphansSeen.addAll(orphans);
        } catch (RuntimeException e) {
            log.warn("Could not compare instances with running containers: {}", e.toString());
        }
    }
}
