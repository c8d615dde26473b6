package dev.slipway.platform.scaling;

import dev.slipway.platform.event.EventKind;
import dev.slipway.platform.event.ServiceEvents;
import dev.slipway.platform.instance.InstanceRepository;
import dev.slipway.platform.instance.Supervisor;
import dev.slipway.platform.routing.ServiceRoutes;
import dev.slipway.platform.system.DaemonThreads;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Decides how many instances each service runs: every second it reads every service's requests
 * from the router and lets its {@link ScaleState} decide; a request for a service scaled to zero
 * wakes it at once ({@link DemandWatcher}). Each change is told in the service's events and handed to
 * the supervisor, which starts instances or drains and stops them.
 */
@Component
public class Autoscaler implements DisposableBean {

    static final Duration TICK = Duration.ofSeconds(1);
    static final String DESIRED_GAUGE = "slipway.autoscaler.desired.instances";
    private static final Logger log = LoggerFactory.getLogger(Autoscaler.class);

    private final ScaledServices services;
    private final ServiceRoutes routes;
    private final Supervisor supervisor;
    private final InstanceRepository instances;
    private final ServiceEvents events;
    private final MeterRegistry registry;
    private final Map<Long, ScaleState> states = new ConcurrentHashMap<>();
    private final Map<Long, Gauge> gauges = new ConcurrentHashMap<>();
    private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("autoscaler-"));
    private final DemandWatcher demand;

    Autoscaler(ScaledServices services, ServiceRoutes routes, Supervisor supervisor, InstanceRepository instances,
               ServiceEvents events, MeterRegistry registry) {
        this.services = services;
        this.routes = routes;
        this.supervisor = supervisor;
        this.instances = instances;
        this.events = events;
        this.registry = registry;
        this.demand = new DemandWatcher(routes, this::wake);
    }

    /** Starts scaling; called once Slipway picked up the instances that still run. */
    public void start() {
        clock.scheduleWithFixedDelay(this::tick, TICK.toMillis(), TICK.toMillis(), TimeUnit.MILLISECONDS);
        demand.start();
    }

    /**
     * How many instances of its active deployment the service runs now: none while paused; at first as
     * many as already run (Slipway restarted: a service scaled to zero stays there), within its minimum
     * and maximum.
     */
    public int desired(long serviceId, String deploymentId, Scaling scaling, boolean paused) {
        if (paused) {
            forget(serviceId);
            return 0;
        }
        return state(serviceId, deploymentId, scaling).desired();
    }

    /** How many instances a new deployment starts: as many as run now, at least one, within the settings. */
    public int forNewDeployment(long serviceId, Scaling scaling, boolean paused) {
        if (paused) {
            return 0;
        }
        var current = Optional.ofNullable(states.get(serviceId)).map(ScaleState::desired).orElse(0);
        return Math.max(1, Math.min(scaling.maxSize(), Math.max(scaling.minSize(), current)));
    }

    /**
     * The service runs {@code instances} from now on, and counts as just used: a deployment is about
     * to move traffic to that many new instances, or a paused service is resumed. A service scaled to
     * zero thus keeps a new deployment's instance until it is idle again.
     */
    public void startWith(long serviceId, int instances) {
        var now = Instant.now();
        states.compute(serviceId, (id, state) -> {
            if (state == null) {
                return new ScaleState(instances, now);
            }
            state.restart(instances, now);
            return state;
        });
    }

    /** The instances the service should run now, when the autoscaler looks after it. */
    public Optional<Integer> current(long serviceId) {
        return Optional.ofNullable(states.get(serviceId)).map(ScaleState::desired);
    }

    /** Requests wait for the service, scaled to zero: one instance starts now. */
    void wake(String service) {
        services.list().stream().filter(s -> s.name().equals(service) && !s.paused()).findFirst().ifPresent(s ->
                state(s.id(), s.deploymentId(), s.scaling()).wake(Instant.now()).ifPresent(change -> apply(s, change)));
    }

    /** The service's scaling settings changed: apply new bounds now rather than on the next tick. */
    public void settingsChanged(long serviceId) {
        services.list().stream().filter(s -> s.id() == serviceId && !s.paused()).findFirst().ifPresent(s -> {
            var state = states.get(serviceId);
            if (state != null) {
                state.settle(s.scaling()).ifPresent(change -> apply(s, change));
            }
        });
        supervisor.reconcile(serviceId);
    }

    private void tick() {
        try {
            var traffic = routes.traffic();
            var now = Instant.now();
            var seen = new java.util.HashSet<Long>();
            for (var service : services.list()) {
                seen.add(service.id());
                if (service.paused()) {
                    continue;
                }
                var state = state(service.id(), service.deploymentId(), service.scaling());
                var change = state.settle(service.scaling());
                var load = traffic.get(service.name());
                if (change.isEmpty() && load != null) {
                    change = state.observe(now, load, service.scaling());
                }
                change.ifPresent(c -> apply(service, c));
                gauges.computeIfAbsent(service.id(), id -> Gauge.builder(DESIRED_GAUGE, state, ScaleState::desired)
                        .description("Instances the autoscaler wants the service to run").tag("service", service.name())
                        .register(registry));
            }
            states.keySet().stream().filter(id -> !seen.contains(id)).toList().forEach(this::forget);
        } catch (RuntimeException e) {
            log.warn("Could not look at the services' load; trying again in {} s: {}", TICK.toSeconds(), e.toString());
        }
    }

    private ScaleState state(long serviceId, String deploymentId, Scaling scaling) {
        return states.computeIfAbsent(serviceId, id -> {
            var running = (int) instances.listNotStopped(id).stream()
                    .filter(i -> i.deploymentId().equals(deploymentId) && i.state().isCurrent()).count();
            return new ScaleState(Math.min(scaling.maxSize(), Math.max(scaling.minSize(), running)), Instant.now());
        });
    }

    private void apply(ScaledServices.ScaledService service, ScaleState.Change change) {
        log.info("Service {}: {}", service.name(), change.message());
        events.record(service.id(), EventKind.SERVICE_SCALED, change.message(), null, null);
        supervisor.reconcile(service.id());
    }

    private void forget(long serviceId) {
        states.remove(serviceId);
        var gauge = gauges.remove(serviceId);
        if (gauge != null) {
            registry.remove(gauge);
        }
    }

    @Override
    public void destroy() {
        clock.shutdownNow();
        demand.close();
    }
}
