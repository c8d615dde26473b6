package dev.slipway.platform.scaling;

import dev.slipway.platform.instance.InstanceRepository;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every service's {@link ScaleState}, created the first time it is asked for, with its desired count
 * as the gauge {@value #DESIRED_GAUGE}. A deleted service is retired: nothing creates its state again.
 */
final class ScaleStates {

    static final String DESIRED_GAUGE = "slipway.autoscaler.desired.instances";

    private final InstanceRepository instances;
    private final MeterRegistry registry;
    private final Map<Long, ScaleState> states = new ConcurrentHashMap<>();
    private final Map<Long, Gauge> gauges = new ConcurrentHashMap<>();
    private final Set<Long> retired = ConcurrentHashMap.newKeySet();

    ScaleStates(InstanceRepository instances, MeterRegistry registry) {
        this.instances = instances;
        this.registry = registry;
    }

    /**
     * The service's state; at first as many instances as run its active deployment (Slipway restarted:
     * a service scaled to zero stays there), within its minimum and maximum. Empty once retired.
     */
    Optional<ScaleState> of(long serviceId, String service, String deploymentId, Scaling scaling) {
        if (retired.contains(serviceId)) {
            return Optional.empty();
        }
        var state = states.computeIfAbsent(serviceId, id -> {
            var running = (int) instances.listNotStopped(id).stream()
                    .filter(i -> i.deploymentId().equals(deploymentId) && i.state().isCurrent()).count();
            return new ScaleState(Math.min(scaling.maxSize(), Math.max(scaling.minSize(), running)), Instant.now());
        });
        gauges.computeIfAbsent(serviceId, id -> Gauge.builder(DESIRED_GAUGE, state, ScaleState::desired)
                .description("Instances the autoscaler wants the service to run").tag("service", service)
                .strongReference(true).register(registry));
        return Optional.of(state);
    }

    /** The count the service should run now, if known. */
    Optional<Integer> current(long serviceId) {
        return Optional.ofNullable(states.get(serviceId)).map(ScaleState::desired);
    }

    /** Runs {@code instances} from now on, as if just used (a deployment, a resume, a pause with 0). */
    void restart(long serviceId, int instances) {
        var now = Instant.now();
        if (!retired.contains(serviceId)) {
            states.compute(serviceId, (id, state) -> {
                if (state == null) {
                    return new ScaleState(instances, now);
                }
                state.restart(instances, now);
                return state;
            });
        }
    }

    /** The service was deleted: its state and gauge go, and stay gone. */
    void retire(long serviceId) {
        retired.add(serviceId);
        forget(serviceId);
    }

    /** Forgets services that are no longer deployed. */
    void keepOnly(Set<Long> serviceIds) {
        states.keySet().stream().filter(id -> !serviceIds.contains(id)).toList().forEach(this::forget);
    }

    private void forget(long serviceId) {
        states.remove(serviceId);
        var gauge = gauges.remove(serviceId);
        if (gauge != null) {
            registry.remove(gauge);
        }
    }
}
