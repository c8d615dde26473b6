package dev.slipway.platform.instance;

import dev.slipway.platform.event.ServiceEvents;
import dev.slipway.platform.routing.ServiceRoutes;
import dev.slipway.platform.runtime.Container;
import dev.slipway.platform.runtime.ContainerExitListener;
import dev.slipway.platform.runtime.ContainerRuntime;
import dev.slipway.platform.runtime.ContainerState;
import dev.slipway.platform.system.DaemonThreads;
import dev.slipway.platform.system.RestartBackoff;
import dev.slipway.platform.system.SlipwayProperties;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Looks after every service's instances once deployed: learns of exits from the runtime at once,
 * checks health, restarts with backoff and keeps the router pointed at healthy instances. One
 * {@link ServiceKeeper} per service decides; this class wires them to the runtime and a clock.
 */
@Component
public class Supervisor implements ContainerExitListener, DisposableBean {

    /** How often every service is brought to its desired state, whatever else wakes it. */
    static final Duration TICK = Duration.ofSeconds(1);
    /** How often the instances on record are compared with the containers the runtime runs. */
    static final Duration RESYNC = Duration.ofSeconds(10);
    /** How many stopped instances of a service stay on record, for {@code ?stopped=true}. */
    public static final int STOPPED_KEPT = 20;
    private static final Logger log = LoggerFactory.getLogger(Supervisor.class);

    private final InstanceRepository repository;
    private final InstanceLifecycle instances;
    private final ContainerRuntime runtime;
    private final ServiceRoutes routes;
    private final ServiceEvents events;
    private final DesiredState desired;
    private final InstanceChangeListener listener;
    private final RestartBackoff backoff;
    private final Duration drainTimeout;
    private final Map<Long, ServiceKeeper> keepers = new ConcurrentHashMap<>();
    /** Instances being drained and stopped, by id. */
    private final Map<String, CompletableFuture<Void>> stopping = new ConcurrentHashMap<>();
    private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("supervisor-"));
    private final ExecutorService workers = Executors.newCachedThreadPool(DaemonThreads.named("supervisor-work-"));

    Supervisor(InstanceRepository repository, InstanceLifecycle instances, ContainerRuntime runtime, ServiceRoutes routes,
               ServiceEvents events, DesiredState desired, InstanceChangeListener listener,
               SlipwayProperties properties) {
        this.repository = repository;
        this.instances = instances;
        this.runtime = runtime;
        this.routes = routes;
        this.events = events;
        this.desired = desired;
        this.listener = listener;
        var settings = properties.instances();
        this.backoff = new RestartBackoff(settings.restartBackoff(), settings.maxRestartBackoff(), settings.backoffReset());
        this.drainTimeout = properties.deployments().drainTimeout();
        runtime.watchExits(this);
    }

    /** Starts looking after every service; called once Slipway picked up where it left off. */
    public void start() {
        clock.scheduleWithFixedDelay(this::tickAll, TICK.toMillis(), TICK.toMillis(), TimeUnit.MILLISECONDS);
        var resync = new Resync(this);
        clock.scheduleWithFixedDelay(() -> work(resync), RESYNC.toMillis(), RESYNC.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @Override
    public void exited(Container container, ContainerState how) {
        work(() -> repository.findByContainer(container.id())
                .ifPresent(instance -> keeper(instance.serviceId()).containerEnded(instance, container, how)));
    }

    /** The service's active deployment changed, or its instances should be looked at now. */
    public void reconcile(long serviceId) {
        work(() -> {
            var keeper = keeper(serviceId);
            keeper.publishRoutes();
            keeper.requestTick();
        });
    }

    /**
     * Switches the service's active deployment under its keeper's lock, so no restart or route
     * change interleaves: {@code activate} records the new active deployment, the service is routed
     * to its healthy instances, and the instances of other deployments are taken out of service:
     * they drain and stop.
     *
     * @return the replaced instances, and when they drained and stopped
     */
    public Replacement switchActive(long serviceId, String deploymentId, String why, Runnable activate) {
        var keeper = keeper(serviceId);
        var stopped = keeper.exclusively(() -> {
            activate.run();
            var old = repository.listNotStopped(serviceId).stream().filter(i -> !i.deploymentId().equals(deploymentId)).toList();
            old.forEach(i -> repository.setState(i.id(), InstanceState.STOPPING, why));
            keeper.publishRoutes();
            return old.stream().map(i -> stopLater(i, why)).toArray(CompletableFuture[]::new);
        });
        changed(serviceId);
        work(() -> repository.pruneStopped(serviceId, STOPPED_KEPT));
        return new Replacement(stopped.length, CompletableFuture.allOf(stopped));
    }

    /**
     * The instances a switch took out of service.
     *
     * @param count   how many
     * @param stopped completes once they all drained and stopped
     */
    public record Replacement(int count, CompletableFuture<Void> stopped) {
    }

    /**
     * Drains and stops an instance that no longer gets traffic, on a worker, once however often it
     * is asked (a deployment's switch and a tick may both see it stopping).
     */
    CompletableFuture<Void> stopLater(Instance instance, String why) {
        var created = new CompletableFuture<Void>();
        var existing = stopping.putIfAbsent(instance.id(), created);
        if (existing != null) {
            return existing;
        }
        work(() -> {
            try {
                instances.stop(instance, drainTimeout, why);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                log.warn("Could not stop instance {}; the next tick tries again: {}", instance.id(), e.toString());
            } finally {
                stopping.remove(instance.id());
                created.complete(null);
                changed(instance.serviceId());
            }
        });
        return created;
    }

    /** Stops every instance of a deleted service, without draining, and forgets it. */
    public void retire(long serviceId) {
        var keeper = keeper(serviceId);
        var live = keeper.exclusively(() -> {
            var all = repository.listNotStopped(serviceId);
            all.forEach(i -> repository.setState(i.id(), InstanceState.STOPPING, "service deleted"));
            return all;
        });
        for (var instance : live) {
            try {
                instances.stop(instance, Duration.ZERO, "service deleted");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        keepers.remove(serviceId);
    }

    @Override
    public void destroy() {
        clock.shutdownNow();
        workers.shutdownNow();
    }

    ServiceKeeper keeper(long serviceId) {
        return keepers.computeIfAbsent(serviceId, id -> new ServiceKeeper(id, this));
    }

    void tickLater(ServiceKeeper keeper, Duration delay) {
        try {
            clock.schedule(keeper::requestTick, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // Slipway is stopping.
        }
    }

    void work(Runnable task) {
        try {
            workers.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    log.warn("Supervising instances failed; each service is looked at again every {} s", TICK.toSeconds(), e);
                }
            });
        } catch (RejectedExecutionException e) {
            // Slipway is stopping.
        }
    }

    /** Tells the service's status again, on a worker: never under a keeper's lock. */
    void changed(long serviceId) {
        work(() -> {
            try {
                listener.instancesChanged(serviceId);
            } catch (RuntimeException e) {
                log.warn("Could not update the status of service {}: {}", serviceId, e.toString());
            }
        });
    }

    private void tickAll() {
        try {
            routes.retryUnpublished();
            for (var serviceId : repository.servicesWithInstances()) {
                keeper(serviceId);
            }
            List.copyOf(keepers.values()).forEach(ServiceKeeper::requestTick);
        } catch (RuntimeException e) {
            log.warn("Could not look at the services' instances; trying again in {} s: {}", TICK.toSeconds(), e.toString());
        }
    }

    InstanceRepository repository() {
        return repository;
    }

    InstanceLifecycle instances() {
        return instances;
    }

    ContainerRuntime runtime() {
        return runtime;
    }

    ServiceRoutes routes() {
        return routes;
    }

    ServiceEvents events() {
        return events;
    }

    DesiredState desired() {
        return desired;
    }

    RestartBackoff backoff() {
        return backoff;
    }
}
