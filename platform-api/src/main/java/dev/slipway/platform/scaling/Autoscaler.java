package dev.slipway.platform.scaling;

import dev.slipway.platform.event.EventKind;
import dev.slipway.platform.event.ServiceEvents;
import dev.slipway.platform.instance.InstanceRepository;
import dev.slipway.platform.instance.Supervisor;
import dev.slipway.platform.routing.ServiceRoutes;
import dev.slipway.platform.system.DaemonThreads;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
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
    private static final Logger log = LoggerFactory.getLogger(Autoscaler.class);

    private final ScaledServices services;
    private final ServiceRoutes routes;
    private final Supervisor supervisor;
    private final ServiceEvents events;
    private final ScaleStates states;
    private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("autoscaler-"));
    private final DemandWatcher demand;

    Autoscaler(ScaledServices services, ServiceRoutes routes, Supervisor supervisor, InstanceRepository instances,
               ServiceEvents events, MeterRegistry registry) {
        this.services = services;
        this.routes = routes;
        this.supervisor = supervisor;
        this.events = events;
        this.states = new ScaleStates(instances, registry);
        this.demand = new DemandWatcher(routes, this::wake);
    }

    /** Starts scaling; called once Slipway picked up the instances that still run. */
    public void start() {
        clock.scheduleWithFixedDelay(this::tick, TICK.toMillis(), TICK.toMillis(), TimeUnit.MILLISECONDS);
        demand.start();
    }

    /** How many instances of its active deployment the service runs now: none while paused. */
    public int desired(long serviceId, String service, String deploymentId, Scaling scaling, boolean paused) {
        return paused ? 0 : states.of(serviceId, service, deploymentId, scaling).map(ScaleState::desired).orElse(0);
    }

    /** How many instances a new deployment starts: as many as run now, at least one, within the settings. */
    public int forNewDeployment(long serviceId, Scaling scaling) {
        int current = states.current(serviceId).orElse(0);
        return Math.max(1, Math.min(scaling.maxSize(), Math.max(scaling.minSize(), current)));
    }

    /**
     * A deployment moves traffic to {@code instances} new ones (call it under the supervisor's switch):
     * the service runs at least that many from now on, and counts as just used, so a service scaled to
     * zero keeps a new deployment's instance until it is idle again.
     */
    public void deployed(long serviceId, int instances) {
        states.restart(serviceId, Math.max(instances, states.current(serviceId).orElse(0)));
    }

    /** The service is paused: it wants no instance, and its gauge says so. */
    public void paused(long serviceId) {
        states.restart(serviceId, 0);
    }

    /** The service is resumed: its minimum, at least one instance, from now. */
    public void resumed(long serviceId, Scaling scaling) {
        states.restart(serviceId, Math.max(1, scaling.minSize()));
    }

    /** The service is being deleted: nothing scales it any more. */
    public void retire(long serviceId) {
        states.retire(serviceId);
    }

    /** The instances the service should run now, when the autoscaler looks after it. */
    public Optional<Integer> current(long serviceId) {
        return states.current(serviceId);
    }

    /** The service's scaling settings changed: apply new bounds now rather than on the next tick. */
    public void settingsChanged(long serviceId, String service) {
        services.find(service).filter(s -> !s.paused()).ifPresent(s ->
                state(s).flatMap(state -> state.settle(s.scaling())).ifPresent(change -> apply(s, change)));
        supervisor.reconcile(serviceId);
    }

    /** Requests wait for the service, scaled to zero: one instance starts now. */
    private void wake(String service) {
        services.find(service).filter(s -> !s.paused()).ifPresent(s ->
                state(s).flatMap(state -> state.wake(Instant.now())).ifPresent(change -> apply(s, change)));
    }

    private void tick() {
        try {
            var traffic = routes.traffic();
            var now = Instant.now();
            var deployed = new HashSet<Long>();
            for (var service : services.list()) {
                deployed.add(service.id());
                if (service.paused()) {
                    continue;
                }
                var load = traffic.get(service.name());
                state(service).flatMap(state -> state.settle(service.scaling())
                                .or(() -> load == null ? Optional.empty() : state.observe(now, load, service.scaling())))
                        .ifPresent(change -> apply(service, change));
            }
            states.keepOnly(deployed);
        } catch (RuntimeException e) {
            log.warn("Could not look at the services' load; trying again in {} s: {}", TICK.toSeconds(), e.toString());
        }
    }

    private Optional<ScaleState> state(ScaledServices.ScaledService service) {
        return states.of(service.id(), service.name(), service.deploymentId(), service.scaling());
    }

    private void apply(ScaledServices.ScaledService service, ScaleState.Change change) {
        log.info("Service {}: {}", service.name(), change.message());
        events.record(service.id(), EventKind.SERVICE_SCALED, change.message(), null, null);
        supervisor.reconcile(service.id());
    }

    @Override
    public void destroy() {
        clock.shutdownNow();
        demand.close();
    }
}
