package dev.slipway.platform.instance;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Goes on checking a service's serving instances after they started, with the service's own
 * health check settings: one check an interval apart, and after the unhealthy threshold of
 * consecutive failures the instance is reported unhealthy.
 */
final class HealthMonitor {

    private final Supervisor supervisor;
    private final ServiceKeeper keeper;
    private final Map<String, Probe> probes = new ConcurrentHashMap<>();
    private final Set<String> probing = ConcurrentHashMap.newKeySet();

    HealthMonitor(Supervisor supervisor, ServiceKeeper keeper) {
        this.supervisor = supervisor;
        this.keeper = keeper;
    }

    /** Starts a check of each healthy instance whose interval has passed since its last one. */
    void probeDue(List<Instance> live, DesiredState.Desired target) {
        if (target == null) {
            return;
        }
        var settings = target.artifact().run().healthCheck();
        var now = Instant.now();
        var current = new java.util.HashSet<String>();
        for (var instance : live) {
            if (instance.state() != InstanceState.HEALTHY || instance.address().isEmpty()
                    || keeper.isBusy(instance.id())) {
                continue;
            }
            var key = instance.id() + "@" + instance.containerId().orElse("");
            current.add(key);
            var probe = probes.computeIfAbsent(key, k -> new Probe(now.plus(settings.interval()), 0));
            if (probe.next().isAfter(now) || !probing.add(key)) {
                continue;
            }
            supervisor.work(() -> {
                try {
                    var failure = supervisor.instances().probe(instance.address().get(), settings);
                    var failures = failure.isPresent() ? probe.failures() + 1 : 0;
                    probes.put(key, new Probe(Instant.now().plus(settings.interval()), failures));
                    if (failures >= settings.unhealthyThreshold()) {
                        probes.remove(key);
                        keeper.unhealthy(instance, failures + " consecutive " + settings.protocol()
                                + " health checks failed (the last: " + failure.get() + ")");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    probing.remove(key);
                }
            });
        }
        probes.keySet().retainAll(current);
    }

    /** When an instance is checked next, and how many checks in a row it failed. */
    private record Probe(Instant next, int failures) {
    }
}
