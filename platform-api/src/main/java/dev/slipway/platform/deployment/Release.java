package dev.slipway.platform.deployment;

import dev.slipway.build.image.Artifact;
import dev.slipway.platform.instance.Instance;
import dev.slipway.platform.instance.InstanceRepository;
import dev.slipway.platform.instance.InstanceState;
import dev.slipway.platform.instance.InstanceLifecycle;
import dev.slipway.platform.instance.Supervisor;
import dev.slipway.platform.runtime.Container;
import dev.slipway.platform.runtime.ContainerStartException;
import dev.slipway.platform.scaling.Autoscaler;
import dev.slipway.platform.scaling.Scaling;
import dev.slipway.platform.service.Service;
import dev.slipway.platform.service.ServiceRepository;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Puts an artifact into service without dropping a request: start all the instances it should
 * run, wait until every one is healthy, move traffic to them (equally), let requests to the old
 * instances finish, then stop those. Until traffic moves, a failure stops the new instances and
 * leaves the old ones serving. It starts as many instances as the service runs now (at least one,
 * within its scaling settings). A paused service's deployment is health-checked the same way and
 * becomes the one that serves on resume, but gets no traffic: its instances stop once it switched.
 */
@Component
class Release {

    private final InstanceLifecycle instances;
    private final InstanceRepository repository;
    private final Supervisor supervisor;
    private final ServiceRepository services;
    private final Autoscaler autoscaler;

    Release(InstanceLifecycle instances, InstanceRepository repository, Supervisor supervisor, ServiceRepository services,
            Autoscaler autoscaler) {
        this.instances = instances;
        this.repository = repository;
        this.supervisor = supervisor;
        this.services = services;
        this.autoscaler = autoscaler;
    }

    /** @throws DeploymentFailedException when an instance does not start or never gets healthy */
    void release(DeploymentRun run, Artifact artifact, BranchUpdate branch) throws InterruptedException {
        var service = services.findById(run.service().id()).orElse(run.service());
        var count = autoscaler.forNewDeployment(service.id(), Scaling.of(artifact.run().scaling(), service.scaling()));
        var created = new ArrayList<Instance>();
        var started = new ArrayList<Started>();
        try {
            run.enter(DeploymentPhase.STARTING);
            for (int i = 0; i < count; i++) {
                var instance = instances.create(run.service().id(), run.id());
                created.add(instance);
                started.add(new Started(instance, instances.start(instance, run.service().name(), artifact, false)));
            }
            run.note(started.size() == 1 ? "Started instance " + started.get(0).instance().id()
                    : "Started " + started.size() + " instances: " + ids(started));
            run.enter(DeploymentPhase.HEALTH_CHECKING);
            new ParallelHealthChecks(instances).awaitAll(started, artifact, run);
            requireStillHealthy(started);
            run.commitToSwitch();
            branch.apply();
        } catch (ContainerStartException e) {
            stopAll(created, "its deployment failed");
            throw new DeploymentFailedException(e.getMessage(), e);
        } catch (InterruptedException | RuntimeException e) {
            stopAll(created, "its deployment failed");
            throw e;
        }
        // Committed: from here traffic moves and the old instances stop, whatever else fails.
        run.enter(DeploymentPhase.SWITCHING_TRAFFIC);
        var serviceId = run.service().id();
        var paused = services.findById(serviceId).map(Service::paused).orElse(false);
        var replaced = supervisor.switchActive(serviceId, run.id(), "replaced by deployment " + run.deployment().number(),
                () -> {
                    services.activate(serviceId, run.id());
                    if (!paused) {
                        autoscaler.deployed(serviceId, count);
                    }
                });
        if (paused) {
            run.note("Service " + service.name() + " is paused: this deployment passed its health check and serves once "
                    + "the service is resumed (POST /api/v1/services/" + service.name() + "/resume); its instances stop now.");
        } else {
            run.note("Traffic moved to " + started.stream().map(s -> s.container().address())
                    .collect(Collectors.joining(", ")));
        }
        if (replaced.count() > 0) {
            run.enter(DeploymentPhase.DRAINING);
            try {
                replaced.stopped().get();
            } catch (java.util.concurrent.ExecutionException e) {
                run.note("Stopping the replaced instances failed: " + e.getCause());
            }
        }
        run.endPhase();
        supervisor.reconcile(serviceId);
    }

    /** An instance may crash after it passed its check and before traffic moves; then nothing moves. */
    private void requireStillHealthy(List<Started> started) {
        for (var s : started) {
            var now = repository.find(s.instance().id()).orElseThrow();
            if (now.state() != InstanceState.HEALTHY) {
                throw new DeploymentFailedException("Instance " + now.id() + " " + now.state().name().toLowerCase()
                        + " after it passed its health check: " + now.stateReason().orElse("no reason known"));
            }
        }
    }

    private void stopAll(List<Instance> created, String why) {
        var interrupted = Thread.interrupted();
        for (var instance : created) {
            var current = repository.find(instance.id()).orElse(instance);
            try {
                instances.stop(current, Duration.ZERO, why);
            } catch (InterruptedException e) {
                instances.stopContainer(current);
                interrupted = true;
            } catch (RuntimeException e) {
                instances.stopContainer(current);
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static String ids(List<Started> started) {
        return started.stream().map(s -> s.instance().id()).collect(Collectors.joining(", "));
    }

    /** An instance of the new deployment and its container. */
    record Started(Instance instance, Container container) {
    }
}
