package dev.slipway.platform.deployment;

import dev.slipway.build.image.Artifact;
import dev.slipway.platform.event.EventKind;
import dev.slipway.platform.event.ServiceEvents;
import dev.slipway.platform.logs.DeploymentLogs;
import dev.slipway.platform.service.ServiceRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs one deployment taken from the queue, start to end: build (or take the rolled-back
 * artifact), release, and record how it ended. Whatever fails on the way — the build, the
 * release, the log, the database — the deployment ends {@code SUCCEEDED} or {@code FAILED} with
 * a reason, never stays in progress.
 */
@Component
class DeploymentExecution {

    private static final Logger log = LoggerFactory.getLogger(DeploymentExecution.class);
    private static final int FINISH_ATTEMPTS = 5;

    private final ServiceRepository services;
    private final DeploymentRepository deployments;
    private final SourceBuild sourceBuild;
    private final Release release;
    private final DeploymentLogs logs;
    private final ArtifactRetention retention;
    private final ServiceStatuses statuses;
    private final ServiceEvents events;

    DeploymentExecution(ServiceRepository services, DeploymentRepository deployments, SourceBuild sourceBuild,
                        Release release, DeploymentLogs logs, ArtifactRetention retention, ServiceStatuses statuses,
                        ServiceEvents events) {
        this.services = services;
        this.deployments = deployments;
        this.sourceBuild = sourceBuild;
        this.release = release;
        this.logs = logs;
        this.retention = retention;
        this.statuses = statuses;
        this.events = events;
    }

    /** Runs the deployment (already marked running) and returns it as it ended. Never throws. */
    Deployment run(Deployment deployment, DeploymentTask task) {
        var rollback = deployment.rollbackOf().isPresent();
        Outcome outcome;
        if (!task.begin(Thread.currentThread())) {
            outcome = new Outcome(false, Deployer.CANCELLED_BEFORE_START);
        } else {
            events.record(deployment.serviceId(), rollback ? EventKind.ROLLBACK_STARTED : EventKind.DEPLOYMENT_STARTED,
                    (rollback ? "Rollback " : "Deployment ") + deployment.number() + " started ("
                            + deployment.trigger().wireName() + ")", deployment.id(), null);
            refreshQuietly(deployment.serviceId());
            outcome = attempt(deployment, task);
        }
        var status = DeploymentStatus.ended(rollback, outcome.succeeded());
        var finished = finish(deployment, status, outcome.reason());
        // After the end is recorded, so whoever follows the log reads the final status when it closes.
        quietly(() -> logs.close(deployment.id()));
        events.record(deployment.serviceId(), eventKind(status), (rollback ? "Rollback " : "Deployment ")
                + deployment.number() + " " + status + (outcome.reason() == null ? "" : ": " + firstLine(outcome.reason())),
                deployment.id(), null);
        refreshQuietly(deployment.serviceId());
        retention.collect(deployment.serviceId());
        return finished;
    }

    /**
     * Ends deployments that the database says are running but no thread here runs, e.g. because
     * their end could not be recorded when the database was down.
     */
    void endOrphans(Set<String> executing, Duration after) {
        for (var d : deployments.findRunning()) {
            var since = d.startedAt().orElse(d.createdAt());
            if (!executing.contains(d.id()) && since.plus(after).isBefore(Instant.now())) {
                var active = services.findById(d.serviceId()).flatMap(s -> s.activeDeploymentId())
                        .filter(d.id()::equals).isPresent();
                var status = DeploymentStatus.ended(d.rollbackOf().isPresent(), active);
                log.warn("Deployment {} was left running with nothing running it; ending it {}", d.id(), status);
                deployments.finish(d.id(), status, active ? null
                        : "Slipway lost track of this deployment (its end could not be recorded); deploy again.");
                refreshQuietly(d.serviceId());
            }
        }
    }

    private Outcome attempt(Deployment deployment, DeploymentTask task) {
        var service = services.findById(deployment.serviceId()).orElse(null);
        if (service == null) {
            return new Outcome(false, Deployer.SERVICE_DELETED);
        }
        DeploymentRun run;
        try {
            run = new DeploymentRun(service, deployment, deployments, task.listener(), logs.open(deployment.id()), task);
        } catch (RuntimeException e) {
            return new Outcome(false, "Slipway could not write this deployment's log: " + e.getMessage());
        }
        try {
            task.branch().check();
            Artifact artifact = deployment.rollbackOf().isPresent()
                    ? deployments.find(deployment.rollbackOf().get()).flatMap(Deployment::artifact).orElseThrow(() ->
                            new DeploymentFailedException("The deployment to roll back to no longer has its artifact."))
                    : sourceBuild.build(run, deployments);
            deployments.recordArtifact(deployment.id(), artifact);
            release.release(run, artifact, task.branch());
            run.note("Deployment " + deployment.number() + " succeeded");
            return new Outcome(true, null);
        } catch (DeploymentFailedException e) {
            Thread.interrupted();
            return failed(run, interruption(task).map(why -> why + " " + e.getMessage()).orElse(e.getMessage()));
        } catch (InterruptedException e) {
            return failed(run, interruption(task).orElse(DeploymentRecovery.INTERRUPTED));
        } catch (RuntimeException e) {
            // A cancel interrupts this thread; the flag must not make the bookkeeping below fail.
            Thread.interrupted();
            if (interruption(task).isPresent()) {
                return failed(run, interruption(task).get());
            }
            log.error("Deployment {} of {} failed unexpectedly", deployment.id(), service.name(), e);
            return failed(run, "Internal error: " + e);
        }
    }

    /** Why the deployment's thread was interrupted, if it was on purpose. */
    private static java.util.Optional<String> interruption(DeploymentTask task) {
        if (task.cancelled()) {
            return java.util.Optional.of(Deployer.CANCELLED);
        }
        return task.stopping() ? java.util.Optional.of(DeploymentRecovery.INTERRUPTED) : java.util.Optional.empty();
    }

    private Outcome failed(DeploymentRun run, String unmaskedReason) {
        var reason = run.mask(unmaskedReason);
        run.endPhase();
        run.record("Deployment " + run.deployment().number() + " failed: " + reason);
        return new Outcome(false, reason);
    }

    /** Records the end, retrying a failing database for a while; the orphan sweep covers the rest. */
    private Deployment finish(Deployment deployment, DeploymentStatus status, String reason) {
        for (int attempt = 1; ; attempt++) {
            try {
                deployments.finish(deployment.id(), status, reason);
                return deployments.find(deployment.id()).orElse(deployment);
            } catch (RuntimeException e) {
                if (attempt == FINISH_ATTEMPTS) {
                    log.error("Could not record that deployment {} ended {}: {}", deployment.id(), status, e.toString());
                    return deployment;
                }
                try {
                    Thread.sleep(1000L << attempt);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return deployment;
                }
            }
        }
    }

    private void refreshQuietly(long serviceId) {
        quietly(() -> statuses.refresh(serviceId));
    }

    private static void quietly(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            log.warn("Deployment bookkeeping failed: {}", e.toString());
        }
    }

    private static EventKind eventKind(DeploymentStatus status) {
        return switch (status) {
            case SUCCEEDED -> EventKind.DEPLOYMENT_SUCCEEDED;
            case ROLLBACK_SUCCEEDED -> EventKind.ROLLBACK_SUCCEEDED;
            case ROLLBACK_FAILED -> EventKind.ROLLBACK_FAILED;
            default -> EventKind.DEPLOYMENT_FAILED;
        };
    }

    private static String firstLine(String text) {
        var newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline) + " …";
    }

    /** How a deployment ended: succeeded, or failed with a reason for the user. */
    private record Outcome(boolean succeeded, String reason) {
    }
}
