package dev.slipway.platform.instance;

import dev.slipway.platform.runtime.Container;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starting a service's instances for its {@link ServiceKeeper}: each start — a new container and
 * its startup health check — runs on a supervisor worker, and the instance counts as busy until it
 * ends, so no tick starts it twice. Whatever fails on the way counts as a crash, with backoff.
 */
final class InstanceStarts {

    private static final Logger log = LoggerFactory.getLogger(InstanceStarts.class);

    private final Supervisor supervisor;
    private final ServiceKeeper keeper;
    /** Instances with a start or a startup health check under way on a worker. */
    private final Set<String> busy = ConcurrentHashMap.newKeySet();

    InstanceStarts(Supervisor supervisor, ServiceKeeper keeper) {
        this.supervisor = supervisor;
        this.keeper = keeper;
    }

    boolean isBusy(String instanceId) {
        return busy.contains(instanceId);
    }

    /** Starts a container for the instance on a worker and waits for its health check there. */
    void launch(Instance instance, DesiredState.Desired target, boolean restart) {
        onWorker(instance, () -> {
            var container = supervisor.instances().start(instance, target.service(), target.artifact(), restart);
            supervisor.changed(instance.serviceId());
            awaitHealthy(instance, container, target, restart);
        });
    }

    /**
     * An instance left {@link InstanceState#STARTING} with nobody waiting for it (its start was cut
     * off by a restart of Slipway): its container is checked again, or, without one, it counts as
     * crashed and starts afresh.
     */
    void resume(Instance instance, DesiredState.Desired target) {
        var container = instance.containerId().map(id -> new Container(id, target.service(), instance.deploymentId(),
                instance.id(), instance.address().orElse("")));
        if (container.isEmpty()) {
            keeper.fail(instance, InstanceState.CRASHED, "its start was cut off before it had a container",
                    OptionalInt.empty(), null);
            return;
        }
        onWorker(instance, () -> awaitHealthy(instance, container.get(), target, instance.restarts() > 0));
    }

    private void awaitHealthy(Instance instance, Container container, DesiredState.Desired target, boolean restart)
            throws InterruptedException {
        var unhealthy = supervisor.instances().awaitHealthy(container, target.artifact());
        if (unhealthy.isPresent()) {
            keeper.failQuietly(instance, unhealthy.get(), supervisor.runtime().state(container.id()));
            return;
        }
        keeper.exclusively(() -> {
            if (supervisor.instances().markHealthy(instance, container, restart)) {
                keeper.publishRoutes();
                supervisor.changed(instance.serviceId());
            }
            return null;
        });
    }

    /** Runs a start or a check of the instance on a worker; any failure counts as a crash, with backoff. */
    private void onWorker(Instance instance, Step step) {
        busy.add(instance.id());
        supervisor.work(() -> {
            try {
                step.run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                log.warn("Starting instance {} failed: {}", instance.id(), e.toString());
                keeper.failQuietly(instance, "it could not start: " + e.getMessage(), null);
            } finally {
                busy.remove(instance.id());
            }
        });
    }

    /** A step of an instance's start that may wait. */
    private interface Step {
        void run() throws InterruptedException;
    }
}
