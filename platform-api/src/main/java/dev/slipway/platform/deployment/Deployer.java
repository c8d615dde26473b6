package dev.slipway.platform.deployment;

import dev.slipway.build.image.Artifact;
import dev.slipway.platform.logs.DeploymentLogs;
import dev.slipway.platform.service.Service;
import dev.slipway.platform.service.ServiceRepository;
import dev.slipway.platform.service.ServiceStatus;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Runs deployments: one at a time per service, in the order they were asked for. A deployment
 * either ends with its instance serving all of the service's traffic, or fails and leaves the
 * previous instance serving.
 */
@Component
public class Deployer implements DisposableBean {

    static final String CANCELLED = "Cancelled on request.";
    static final String CANCELLED_BEFORE_START = "Cancelled on request before it started.";
    private static final Logger log = LoggerFactory.getLogger(Deployer.class);

    private final ServiceRepository services;
    private final DeploymentRepository deployments;
    private final SourceBuild sourceBuild;
    private final Release release;
    private final DeploymentLogs logs;
    private final ArtifactRetention retention;
    private final Map<Long, ExecutorService> queues = new ConcurrentHashMap<>();
    private final Map<String, DeploymentTask> tasks = new ConcurrentHashMap<>();

    Deployer(ServiceRepository services, DeploymentRepository deployments, SourceBuild sourceBuild, Release release,
             DeploymentLogs logs, ArtifactRetention retention) {
        this.services = services;
        this.deployments = deployments;
        this.sourceBuild = sourceBuild;
        this.release = release;
        this.logs = logs;
        this.retention = retention;
    }

    /**
     * Queues a build and release of the service's source: {@code commit} for a push, else the
     * newest version of its branch (or its image).
     */
    public RunningDeployment deploy(Service service, DeploymentTrigger trigger, Optional<String> commit,
                                    DeploymentListener listener) {
        var deployment = deployments.create(service.id(), trigger, DeploymentStatus.PENDING, commit, Optional.empty());
        return enqueue(service, deployment, Optional.empty(), listener);
    }

    /**
     * Queues a rollback: the artifact of {@code targetId}, or of the newest successful deployment
     * before the active one, starts again without a rebuild.
     *
     * @throws NothingToRollBackException when there is no such deployment
     */
    public RunningDeployment rollback(Service service, Optional<String> targetId, DeploymentListener listener) {
        var target = rollbackTarget(service, targetId);
        var deployment = deployments.create(service.id(), DeploymentTrigger.ROLLBACK, DeploymentStatus.PENDING,
                target.commit(), Optional.of(target.id()));
        return enqueue(service, deployment, Optional.of(target), listener);
    }

    /**
     * Lets queued deployments of the service finish, then stops its active instance. Used when the
     * service is deleted.
     */
    public void retire(Service service) {
        var queue = queue(service);
        try {
            CompletableFuture.runAsync(() -> release.retire(service.id()), queue).join();
            CompletableFuture.runAsync(() -> retention.forget(service.name()), queue).join();
        } finally {
            queues.remove(service.id());
            queue.shutdown();
        }
    }

    /**
     * After Slipway restarted: serves the service's active deployment again, adopting its
     * instance when it still runs, else starting a new one from the deployment's artifact.
     */
    public CompletableFuture<Void> restore(Service service) {
        return CompletableFuture.runAsync(() -> {
            try {
                release.restore(service.id());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, queue(service));
    }

    @Override
    public void destroy() {
        queues.values().forEach(ExecutorService::shutdownNow);
    }

    /**
     * Stops a deployment that has not moved traffic yet: a queued one never starts, a running one
     * is interrupted (its build containers and new instance are stopped) and ends {@code FAILED}.
     *
     * @throws DeploymentNotCancellableException when it already finished or already moved traffic
     */
    public void cancel(Deployment deployment) {
        var task = tasks.get(deployment.id());
        if (task == null || !task.cancel()) {
            throw new DeploymentNotCancellableException(deployment.id(), deployments.find(deployment.id())
                    .map(d -> d.status().isFinished() ? "it already ended " + d.status()
                            : "it already moved traffic to its new instance")
                    .orElse("it no longer exists"));
        }
        if (task.neverStarted()) {
            deployments.finish(deployment.id(), DeploymentStatus.FAILED, CANCELLED_BEFORE_START);
            task.result().complete(deployments.find(deployment.id()).orElseThrow());
        }
    }

    private RunningDeployment enqueue(Service service, Deployment deployment, Optional<Deployment> rollbackOf,
                                      DeploymentListener listener) {
        var task = new DeploymentTask();
        tasks.put(deployment.id(), task);
        task.result().whenComplete((d, e) -> tasks.remove(deployment.id()));
        var queue = queue(service);
        task.submitTo(queue, () -> execute(deployment, rollbackOf, listener, task));
        queue.submit(() -> retention.collect(service.id()));
        return new RunningDeployment(deployment, task.result());
    }

    private ExecutorService queue(Service service) {
        return queues.computeIfAbsent(service.id(), id -> Executors.newSingleThreadExecutor(r -> {
            var thread = new Thread(r, "deploy-" + service.name());
            thread.setDaemon(true);
            return thread;
        }));
    }

    private Deployment execute(Deployment deployment, Optional<Deployment> rollbackOf, DeploymentListener listener,
                               DeploymentTask task) {
        var service = services.findById(deployment.serviceId()).orElse(null);
        if (service == null) {
            deployments.finish(deployment.id(), DeploymentStatus.FAILED, "The service was deleted.");
            return deployments.find(deployment.id()).orElse(deployment);
        }
        var rollback = rollbackOf.isPresent();
        var previous = service.activeDeploymentId().flatMap(deployments::find);
        deployments.start(deployment.id(), rollback ? DeploymentStatus.ROLLBACK_IN_PROGRESS : DeploymentStatus.IN_PROGRESS);
        services.updateStatus(service.id(), ServiceStatus.OPERATION_IN_PROGRESS,
                "Deployment " + deployment.number() + " is in progress.");
        var run = new DeploymentRun(service, deployment, deployments, listener, logs.open(deployment.id()), task);
        try {
            Artifact artifact = rollback
                    ? rollbackOf.get().artifact().orElseThrow()
                    : sourceBuild.build(run, deployments);
            deployments.recordArtifact(deployment.id(), artifact);
            release.release(run, artifact, previous);
            deployments.finish(deployment.id(),
                    rollback ? DeploymentStatus.ROLLBACK_SUCCEEDED : DeploymentStatus.SUCCEEDED, null);
            run.note("Deployment " + deployment.number() + " succeeded");
        } catch (DeploymentFailedException e) {
            Thread.interrupted();
            fail(run, previous, task.cancelled() ? CANCELLED + " " + e.getMessage() : e.getMessage());
        } catch (InterruptedException e) {
            fail(run, previous, task.cancelled() ? CANCELLED : "Slipway stopped while this deployment ran.");
        } catch (RuntimeException e) {
            // A cancel interrupts this thread; the flag must not make the bookkeeping below fail.
            Thread.interrupted();
            if (task.cancelled()) {
                fail(run, previous, CANCELLED);
            } else {
                log.error("Deployment {} of {} failed unexpectedly", deployment.id(), service.name(), e);
                fail(run, previous, "Internal error: " + e);
            }
        } finally {
            logs.close(deployment.id());
        }
        return deployments.find(deployment.id()).orElseThrow();
    }

    private void fail(DeploymentRun run, Optional<Deployment> previous, String unmaskedReason) {
        run.endPhase();
        var reason = run.mask(unmaskedReason);
        var deployment = run.deployment();
        var status = deployment.rollbackOf().isPresent() ? DeploymentStatus.ROLLBACK_FAILED : DeploymentStatus.FAILED;
        deployments.finish(deployment.id(), status, reason);
        run.record("Deployment " + deployment.number() + " " + status + ": " + reason);
        var serviceId = run.service().id();
        if (previous.isPresent()) {
            services.updateStatus(serviceId, ServiceStatus.RUNNING, "Deployment " + deployment.number()
                    + " failed; deployment " + previous.get().number() + " still serves.");
        } else {
            services.updateStatus(serviceId, ServiceStatus.CREATE_FAILED,
                    "Deployment " + deployment.number() + " failed; nothing serves yet.");
        }
    }

    private Deployment rollbackTarget(Service service, Optional<String> targetId) {
        var active = service.activeDeploymentId();
        if (targetId.isPresent()) {
            var target = deployments.find(targetId.get())
                    .filter(d -> d.serviceId() == service.id())
                    .orElseThrow(() -> new DeploymentNotFoundException(service.name(), targetId.get()));
            if (!target.status().isSuccess() || target.artifact().isEmpty()) {
                throw new NothingToRollBackException("Deployment " + target.id() + " never served (status "
                        + target.status() + "), so there is nothing to roll back to.");
            }
            return target;
        }
        return deployments.listForService(service.id()).stream()
                .filter(d -> d.status().isSuccess() && d.artifact().isPresent())
                .filter(d -> !active.equals(Optional.of(d.id())))
                .filter(d -> active.flatMap(deployments::find).map(a -> d.number() < a.number()).orElse(true))
                .findFirst()
                .orElseThrow(() -> new NothingToRollBackException("Service '" + service.name()
                        + "' has no earlier successful deployment to roll back to."));
    }
}
