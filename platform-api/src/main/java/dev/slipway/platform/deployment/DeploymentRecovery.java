package dev.slipway.platform.deployment;

import dev.slipway.platform.instance.InstanceRecovery;
import dev.slipway.platform.runtime.ContainerRuntime;
import dev.slipway.platform.scaling.Autoscaler;
import dev.slipway.platform.service.ServiceRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Picks up where a stopped Slipway left off, without disturbing what serves: a deployment that was
 * cut off ends {@code FAILED} (the previous version kept serving) — or {@code SUCCEEDED} if it had
 * already moved traffic; queued deployments stay queued, except pushes, whose pusher is gone; the
 * instances that still run are adopted; then the queue starts.
 */
@Component
class DeploymentRecovery implements ApplicationRunner {

    static final String INTERRUPTED = "Slipway stopped while this deployment ran; the previous version kept serving. "
            + "Deploy again.";
    static final String PUSH_CUT_OFF = "The push was cut off when Slipway stopped before this deployment began; "
            + "push again.";
    private static final Logger log = LoggerFactory.getLogger(DeploymentRecovery.class);

    private final ServiceRepository services;
    private final DeploymentRepository deployments;
    private final InstanceRecovery instances;
    private final DeploymentQueue queue;
    private final ServiceStatuses statuses;
    private final ContainerRuntime runtime;
    private final Autoscaler autoscaler;

    DeploymentRecovery(ServiceRepository services, DeploymentRepository deployments, InstanceRecovery instances,
                       DeploymentQueue queue, ServiceStatuses statuses, ContainerRuntime runtime, Autoscaler autoscaler) {
        this.services = services;
        this.deployments = deployments;
        this.instances = instances;
        this.queue = queue;
        this.statuses = statuses;
        this.runtime = runtime;
        this.autoscaler = autoscaler;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (var cutOff : deployments.findRunning()) {
            // One that moved traffic before it was cut off serves: it succeeded.
            var serving = services.findById(cutOff.serviceId()).flatMap(s -> s.activeDeploymentId())
                    .filter(cutOff.id()::equals).isPresent();
            deployments.finish(cutOff.id(), DeploymentStatus.ended(cutOff.rollbackOf().isPresent(), serving),
                    serving ? null : INTERRUPTED);
        }
        for (var pending : deployments.findPending()) {
            // A push that came in since this start waits for its deployment; older ones have no pusher left.
            if (pending.trigger() == DeploymentTrigger.GIT_PUSH && !queue.tasks().containsKey(pending.id())) {
                deployments.failPending(pending.id(), PUSH_CUT_OFF);
            }
        }
        instances.recover();
        autoscaler.start();
        var all = services.findAll();
        all.forEach(s -> statuses.refresh(s.id()));
        queue.start();
        log.info("Recovered {} service(s) on the {} runtime", all.size(), runtime.name());
    }
}
