package dev.slipway.platform.deployment;

import dev.slipway.platform.instance.Supervisor;
import dev.slipway.platform.service.Service;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Queues deployments. The queue is the deployments table itself: a deployment waits there
 * ({@code PENDING}) until the {@link DeploymentQueue} takes it, so a queued deployment survives a
 * restart of Slipway. One deployment runs at a time per service, in the order they were asked
 * for; each either ends with its instances serving all of the service's traffic, or fails and
 * leaves the previous instances serving.
 */
@Component
public class Deployer {

    static final String CANCELLED = "Cancelled on request.";
    static final String CANCELLED_BEFORE_START = "Cancelled on request before it started.";
    static final String SERVICE_DELETED = "The service was deleted.";
    private static final Duration RETIRE_WAIT = Duration.ofMinutes(2);
    private static final Logger log = LoggerFactory.getLogger(Deployer.class);

    private final DeploymentRepository deployments;
    private final DeploymentQueue queue;
    private final Supervisor supervisor;
    private final ArtifactRetention retention;
    private final ServiceStatuses statuses;
    private final Map<String, DeploymentTask> tasks;

    Deployer(DeploymentRepository deployments, DeploymentQueue queue, Supervisor supervisor,
             ArtifactRetention retention, ServiceStatuses statuses) {
        this.deployments = deployments;
        this.queue = queue;
        this.supervisor = supervisor;
        this.retention = retention;
        this.statuses = statuses;
        this.tasks = queue.tasks();
    }

    /**
     * Queues a build and release of the service's source: {@code commit} for a push, else the
     * newest version of its branch (read when the deployment starts) or its image.
     */
    public RunningDeployment deploy(Service service, DeploymentTrigger trigger, Optional<String> commit,
                                    DeploymentListener listener) {
        return deploy(service, trigger, commit, listener, BranchUpdate.NONE);
    }

    /** Queues the deployment of a push whose branch moves with it. */
    public RunningDeployment deploy(Service service, DeploymentTrigger trigger, Optional<String> commit,
                                    DeploymentListener listener, BranchUpdate branch) {
        return enqueue(service, new DeploymentTask(listener, branch),
                () -> deployments.create(service.id(), trigger, DeploymentStatus.PENDING, commit, Optional.empty()));
    }

    /**
     * Queues a rollback: the artifact of {@code targetId}, or of the newest successful deployment
     * before the active one, starts again without a rebuild.
     *
     * @throws NothingToRollBackException when there is no such deployment
     */
    public RunningDeployment rollback(Service service, Optional<String> targetId, DeploymentListener listener) {
        var target = new RollbackTarget(deployments, retention).find(service, targetId);
        return enqueue(service, new DeploymentTask(listener, BranchUpdate.NONE), () -> deployments.create(service.id(),
                DeploymentTrigger.ROLLBACK, DeploymentStatus.PENDING, target.commit(), Optional.of(target.id())));
    }

    /**
     * Stops a deployment that has not moved traffic yet: a queued one never starts, a running one
     * is interrupted (its build containers and new instances are stopped) and ends {@code FAILED}.
     *
     * @throws DeploymentNotCancellableException when it already finished or already moved traffic
     */
    public void cancel(Deployment deployment) {
        if (deployments.failPending(deployment.id(), CANCELLED_BEFORE_START)) {
            queue.ended(deployment.id());
            return;
        }
        var task = tasks.get(deployment.id());
        if (task == null || !task.cancel()) {
            throw new DeploymentNotCancellableException(deployment.id(), deployments.find(deployment.id())
                    .map(d -> d.status().isFinished() ? "it already ended " + d.status()
                            : "it already moved traffic to its new instances")
                    .orElse("it no longer exists"));
        }
    }

    /**
     * The service is being deleted: its queued deployments end, a running one is cancelled (or,
     * past cancelling, awaited), then its instances stop and what it built is removed.
     */
    public void retire(Service service) {
        for (var pending : deployments.findPending()) {
            if (pending.serviceId() == service.id() && deployments.failPending(pending.id(), SERVICE_DELETED)) {
                queue.ended(pending.id());
            }
        }
        deployments.findRunning(service.id()).map(d -> tasks.get(d.id())).ifPresent(task -> {
            task.cancel();
            try {
                task.result().get(RETIRE_WAIT.toSeconds(), TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (java.util.concurrent.ExecutionException | TimeoutException e) {
                log.warn("Deleting {} without waiting longer for its deployment: {}", service.name(), e.toString());
            }
        });
        supervisor.retire(service.id());
        retention.forget(service.name());
    }

    private RunningDeployment enqueue(Service service, DeploymentTask task, Supplier<Deployment> create) {
        var deployment = queue.register(task, create);
        statuses.refresh(service.id());
        queue.wake();
        return new RunningDeployment(deployment, task.result());
    }
}
