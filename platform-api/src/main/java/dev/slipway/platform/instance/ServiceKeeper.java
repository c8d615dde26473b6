package dev.slipway.platform.instance;

import dev.slipway.platform.event.EventKind;
import dev.slipway.platform.runtime.Container;
import dev.slipway.platform.runtime.ContainerStartException;
import dev.slipway.platform.runtime.ContainerState;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one service at its desired state: as many instances of its active deployment as it
 * should run, each one healthy or on its way back. A crashed or unhealthy instance leaves the
 * route first, then its container goes, then it starts again after its backoff. Decisions are
 * taken under the keeper's lock; starting containers and waiting for health checks happen on the
 * supervisor's worker threads, outside it.
 */
final class ServiceKeeper {

    private static final Logger log = LoggerFactory.getLogger(ServiceKeeper.class);

    private final long serviceId;
    private final Supervisor supervisor;
    private final ReentrantLock lock = new ReentrantLock();
    /** Instances with a start or a startup health check under way. */
    private final Set<String> busy = ConcurrentHashMap.newKeySet();
    private final HealthMonitor monitor;

    ServiceKeeper(long serviceId, Supervisor supervisor) {
        this.serviceId = serviceId;
        this.supervisor = supervisor;
        this.monitor = new HealthMonitor(supervisor, this);
    }

    long serviceId() {
        return serviceId;
    }

    /** Brings the service to its desired state: restarts what is due, adds or removes instances, probes. */
    void tick() {
        var desired = supervisor.desired().of(serviceId);
        if (desired.isEmpty()) {
            return;
        }
        var target = desired.get();
        List<Instance> live;
        lock.lock();
        try {
            live = active(target);
            var now = Instant.now();
            for (var instance : live) {
                var due = instance.nextRestartAt().map(at -> !at.isAfter(now)).orElse(true);
                if ((instance.state() == InstanceState.CRASHED || instance.state() == InstanceState.UNHEALTHY)
                        && due && !busy.contains(instance.id())) {
                    launch(instance, target, true);
                }
                if (instance.state() == InstanceState.HEALTHY && instance.crashStreak() > 0
                        && instance.healthySince().map(s -> !s.plus(supervisor.backoff().reset()).isAfter(now))
                        .orElse(false)) {
                    supervisor.repository().resetCrashStreak(instance.id());
                }
            }
            for (int missing = target.instances() - live.size(); missing > 0; missing--) {
                launch(supervisor.instances().create(serviceId, target.deploymentId()), target, false);
            }
        } finally {
            lock.unlock();
        }
        scaleIn(live, target);
        monitor.probeDue(live, target);
    }

    /** The container of one of the service's instances ended without being asked to. */
    void containerEnded(Instance instance, Container container, ContainerState how) {
        lock.lock();
        try {
            var current = supervisor.repository().find(instance.id()).orElse(null);
            if (current == null || !current.containerId().equals(Optional.of(container.id()))
                    || !(current.state() == InstanceState.STARTING || current.state() == InstanceState.HEALTHY)) {
                return;
            }
            fail(current, InstanceState.CRASHED, "its container ended (" + how.describe() + ")", how.exitCode(),
                    how.describe());
        } finally {
            lock.unlock();
        }
    }

    /** A serving instance failed its health checks: out of the route, then replaced. */
    void unhealthy(Instance instance, String reason) {
        lock.lock();
        try {
            var current = supervisor.repository().find(instance.id()).orElse(null);
            if (current == null || current.state() != InstanceState.HEALTHY
                    || !current.containerId().equals(instance.containerId())) {
                return;
            }
            fail(current, InstanceState.UNHEALTHY, reason, OptionalInt.empty(), null);
        } finally {
            lock.unlock();
        }
    }

    /** Routes the service to the healthy instances of its active deployment (none: 503 until one is). */
    void publishRoutes() {
        lock.lock();
        try {
            var desired = supervisor.desired().of(serviceId);
            if (desired.isEmpty()) {
                return;
            }
            var addresses = active(desired.get()).stream()
                    .filter(i -> i.state() == InstanceState.HEALTHY)
                    .flatMap(i -> i.address().stream())
                    .toList();
            supervisor.routes().route(desired.get().service(), addresses, desired.get().artifact().run().requestTimeout());
        } finally {
            lock.unlock();
        }
    }

    /** Runs {@code action} under the keeper's lock, so no restart or route change interleaves with it. */
    <T> T exclusively(java.util.function.Supplier<T> action) {
        lock.lock();
        try {
            return action.get();
        } finally {
            lock.unlock();
        }
    }

    boolean isBusy(String instanceId) {
        return busy.contains(instanceId);
    }

    private List<Instance> active(DesiredState.Desired target) {
        return supervisor.repository().listLive(serviceId).stream()
                .filter(i -> i.deploymentId().equals(target.deploymentId()) && i.state().isLive())
                .toList();
    }

    /** Crashed or unhealthy: out of the route, container removed, restart scheduled after the backoff. */
    private void fail(Instance instance, InstanceState state, String reason, OptionalInt exitCode, String exitReason) {
        var now = Instant.now();
        var healthySince = instance.state() == InstanceState.HEALTHY ? instance.healthySince() : Optional.<Instant>empty();
        var streak = supervisor.backoff().nextStreak(instance.crashStreak(), healthySince, now);
        var delay = supervisor.backoff().delay(streak);
        supervisor.repository().failed(instance.id(), state, reason, exitCode, exitReason, streak, now.plus(delay));
        var what = state == InstanceState.CRASHED ? " crashed: " : " is unhealthy: ";
        supervisor.events().record(serviceId, state == InstanceState.CRASHED ? EventKind.INSTANCE_CRASHED
                        : EventKind.INSTANCE_UNHEALTHY, "Instance " + instance.id() + what + reason + "; restarting in "
                        + seconds(delay) + (streak > 1 ? " (crash " + streak + " in a row)" : ""),
                instance.deploymentId(), instance.id());
        publishRoutes();
        supervisor.changed(serviceId);
        supervisor.work(() -> supervisor.instances().stopContainer(instance));
        supervisor.tickLater(this, delay);
    }

    private void launch(Instance instance, DesiredState.Desired target, boolean restart) {
        busy.add(instance.id());
        supervisor.work(() -> {
            try {
                start(instance, target, restart);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                log.warn("Could not start instance {} of {}: {}", instance.id(), target.service(), e.toString());
            } finally {
                busy.remove(instance.id());
            }
        });
    }

    private void start(Instance instance, DesiredState.Desired target, boolean restart) throws InterruptedException {
        Container container;
        try {
            container = supervisor.instances().start(instance, target.service(), target.artifact(), restart);
        } catch (ContainerStartException e) {
            lock.lock();
            try {
                fail(instance, InstanceState.CRASHED, "its container could not start: " + e.getMessage(),
                        OptionalInt.empty(), null);
            } finally {
                lock.unlock();
            }
            return;
        }
        var unhealthy = supervisor.instances().awaitHealthy(container, target.artifact());
        lock.lock();
        try {
            var current = supervisor.repository().find(instance.id()).orElse(null);
            if (current == null || current.state() != InstanceState.STARTING) {
                return; // its container ended meanwhile, or the instance was stopped
            }
            if (unhealthy.isEmpty()) {
                supervisor.instances().markHealthy(instance, container, restart);
                publishRoutes();
                supervisor.changed(serviceId);
            } else {
                var state = supervisor.runtime().state(container.id());
                fail(current, state.running() ? InstanceState.UNHEALTHY : InstanceState.CRASHED, unhealthy.get(),
                        state.exitCode(), state.running() ? null : state.describe());
            }
        } finally {
            lock.unlock();
        }
    }

    /** Stops instances beyond the desired count, the least healthy and newest first, after draining. */
    private void scaleIn(List<Instance> live, DesiredState.Desired target) {
        var extra = live.size() - target.instances();
        if (extra <= 0) {
            return;
        }
        var victims = live.stream().filter(i -> !busy.contains(i.id()))
                .sorted(Comparator.comparing((Instance i) -> i.state() == InstanceState.HEALTHY)
                        .thenComparing(Instance::createdAt, Comparator.reverseOrder()))
                .limit(extra).toList();
        lock.lock();
        try {
            victims.forEach(v -> supervisor.repository().setState(v.id(), InstanceState.STOPPING, "scaled in"));
            publishRoutes();
        } finally {
            lock.unlock();
        }
        for (var victim : victims) {
            supervisor.work(() -> supervisor.stop(victim, "scaled in"));
        }
    }

    private static String seconds(Duration delay) {
        return delay.toMillis() % 1000 == 0 ? delay.toSeconds() + " s" : String.format(java.util.Locale.ROOT, "%.1f s",
                delay.toMillis() / 1000.0);
    }
}
