package dev.slipway.platform.instance;

import dev.slipway.platform.event.EventKind;
import dev.slipway.platform.routing.ServiceTraffic;
import dev.slipway.platform.runtime.Container;
import dev.slipway.platform.runtime.ContainerState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one service at its desired state: as many instances of its active deployment as it
 * should run, each one healthy or on its way back. A crashed or unhealthy instance leaves the
 * route first, then its container goes, then it starts again after its backoff. What the service
 * should run and what it runs are read, and decisions taken, under the keeper's lock; starting
 * containers, health checks and drains run on the supervisor's worker threads, outside it. Every
 * instance that is starting or stopping has an owner: a worker doing it, or the next tick.
 */
final class ServiceKeeper {

    private static final Logger log = LoggerFactory.getLogger(ServiceKeeper.class);

    private final long serviceId;
    private final Supervisor supervisor;
    private final ReentrantLock lock = new ReentrantLock();
    private final AtomicBoolean tickQueued = new AtomicBoolean();
    private final HealthMonitor monitor;
    private final InstanceStarts starts;

    ServiceKeeper(long serviceId, Supervisor supervisor) {
        this.serviceId = serviceId;
        this.supervisor = supervisor;
        this.monitor = new HealthMonitor(supervisor, this);
        this.starts = new InstanceStarts(supervisor, this);
    }

    /** Queues a tick unless one is queued already, so a slow database never piles ticks up. */
    void requestTick() {
        if (tickQueued.compareAndSet(false, true)) {
            supervisor.work(() -> {
                tickQueued.set(false);
                tick();
            });
        }
    }

    /**
     * Brings the service to its desired state: restarts what is due, finishes what was left
     * starting or stopping, adds or removes instances, and checks the health of serving ones.
     */
    void tick() {
        List<Instance> serving = List.of();
        DesiredState.Desired target = null;
        lock.lock();
        try {
            var all = supervisor.repository().listNotStopped(serviceId);
            for (var instance : all) {
                if (instance.state() == InstanceState.STOPPING) {
                    supervisor.stopLater(instance, instance.stateReason().orElse("stopping"));
                }
            }
            var desired = supervisor.desired().of(serviceId);
            if (desired.isEmpty()) {
                return;
            }
            target = desired.get();
            var active = active(all, target);
            var now = Instant.now();
            for (var instance : active) {
                if (starts.isBusy(instance.id())) {
                    continue;
                }
                switch (instance.state()) {
                    case CRASHED, UNHEALTHY -> {
                        if (instance.nextRestartAt().map(at -> !at.isAfter(now)).orElse(true)) {
                            starts.launch(instance, target, true);
                        }
                    }
                    case STARTING -> starts.resume(instance, target);
                    case HEALTHY -> forgetOldCrashes(instance, now);
                    default -> { }
                }
            }
            for (int missing = target.instances() - active.size(); missing > 0; missing--) {
                starts.launch(supervisor.instances().create(serviceId, target.deploymentId()), target, false);
            }
            scaleIn(active, target);
            serving = active;
        } finally {
            lock.unlock();
        }
        monitor.probeDue(serving, target);
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
            // None wanted (paused, or scaled to zero): no traffic, even to instances not stopped yet.
            var addresses = desired.get().instances() == 0 ? List.<String>of()
                    : active(supervisor.repository().listNotStopped(serviceId), desired.get()).stream()
                    .filter(i -> i.state() == InstanceState.HEALTHY)
                    .flatMap(i -> i.address().stream())
                    .toList();
            supervisor.routes().route(desired.get().service(), addresses, desired.get().artifact().run().requestTimeout(),
                    desired.get().admission());
        } finally {
            lock.unlock();
        }
    }

    /** Runs {@code action} under the keeper's lock, so no restart or route change interleaves with it. */
    <T> T exclusively(Supplier<T> action) {
        lock.lock();
        try {
            return action.get();
        } finally {
            lock.unlock();
        }
    }

    boolean isBusy(String instanceId) {
        return starts.isBusy(instanceId);
    }

    private static List<Instance> active(List<Instance> all, DesiredState.Desired target) {
        return all.stream().filter(i -> i.deploymentId().equals(target.deploymentId()) && i.state().isCurrent()).toList();
    }

    /** Crashed or unhealthy: out of the route, container removed, restart scheduled after the backoff. */
    void fail(Instance instance, InstanceState state, String reason, OptionalInt exitCode, String exitReason) {
        var now = Instant.now();
        var healthySince = instance.state() == InstanceState.HEALTHY ? instance.healthySince() : Optional.<Instant>empty();
        var streak = supervisor.backoff().nextStreak(instance.crashStreak(), healthySince, now);
        var delay = supervisor.backoff().delay(streak);
        if (!supervisor.repository().failed(instance.id(), state, reason, exitCode, exitReason, streak, now.plus(delay))) {
            return; // stopping or stopped meanwhile: nothing to restart
        }
        var active = supervisor.desired().of(serviceId).filter(d -> d.deploymentId().equals(instance.deploymentId()));
        if (active.isEmpty()) {
            // A deployment's new instance, before traffic moved: its deployment reads the exit from the
            // container and removes it; nothing is restarted.
            supervisor.events().record(serviceId, EventKind.INSTANCE_CRASHED, "Instance " + instance.id()
                    + " of a deployment in progress ended: " + reason, instance.deploymentId(), instance.id());
            return;
        }
        supervisor.events().record(serviceId, state == InstanceState.CRASHED ? EventKind.INSTANCE_CRASHED
                        : EventKind.INSTANCE_UNHEALTHY, "Instance " + instance.id()
                        + (state == InstanceState.CRASHED ? " crashed: " : " is unhealthy: ") + reason
                        + "; restarting in " + seconds(delay) + (streak > 1 ? " (crash " + streak + " in a row)" : ""),
                instance.deploymentId(), instance.id());
        publishRoutes();
        supervisor.changed(serviceId);
        supervisor.work(() -> supervisor.instances().stopContainer(instance));
        supervisor.tickLater(this, delay);
    }

    /** As {@link #fail}, under the lock, for a start that failed on a worker; never throws. */
    void failQuietly(Instance instance, String reason, ContainerState how) {
        lock.lock();
        try {
            var current = supervisor.repository().find(instance.id()).orElse(instance);
            var ended = how != null && !how.running();
            fail(current, ended ? InstanceState.CRASHED : InstanceState.UNHEALTHY, reason,
                    ended ? how.exitCode() : OptionalInt.empty(), ended ? how.describe() : null);
        } catch (RuntimeException e) {
            log.warn("Could not record that instance {} failed ({}); the next tick looks again: {}", instance.id(),
                    reason, e.toString());
        } finally {
            lock.unlock();
        }
    }

    private void forgetOldCrashes(Instance instance, Instant now) {
        if (instance.crashStreak() > 0 && supervisor.backoff().nextStreak(instance.crashStreak(),
                instance.healthySince(), now) == 1) {
            supervisor.repository().resetCrashStreak(instance.id());
        }
    }

    /**
     * Stops instances beyond the desired count after draining: the least healthy first, then those with
     * the fewest requests under way (a long request or a WebSocket keeps its instance), then the newest.
     */
    private void scaleIn(List<Instance> active, DesiredState.Desired target) {
        var extra = active.size() - target.instances();
        if (extra <= 0) {
            return;
        }
        var traffic = supervisor.routes().traffic().getOrDefault(target.service(), ServiceTraffic.NONE);
        var victims = new ArrayList<>(active.stream().filter(i -> !starts.isBusy(i.id()))
                .sorted(Comparator.comparing((Instance i) -> i.state() == InstanceState.HEALTHY)
                        .thenComparingInt(i -> i.address().map(traffic::inFlight).orElse(0))
                        .thenComparing(Instance::createdAt, Comparator.reverseOrder()))
                .limit(extra).toList());
        victims.forEach(v -> supervisor.repository().setState(v.id(), InstanceState.STOPPING, "scaled in"));
        publishRoutes();
        victims.forEach(v -> supervisor.stopLater(v, "scaled in"));
    }

    private static String seconds(Duration delay) {
        return delay.toMillis() % 1000 == 0 ? delay.toSeconds() + " s"
                : String.format(java.util.Locale.ROOT, "%.1f s", delay.toMillis() / 1000.0);
    }
}
