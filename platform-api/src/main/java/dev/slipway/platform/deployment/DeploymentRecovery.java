package dev.slipway.platform.deployment;

import dev.slipway.platform.runtime.ContainerRuntime;
import dev.slipway.platform.service.ServiceRepository;
import dev.slipway.platform.service.ServiceStatus;
import java.util.HashSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Picks up where a stopped Slipway left off: deployments that were running are marked failed,
 * every service's active deployment serves again, and instances nobody owns are stopped.
 */
@Component
class DeploymentRecovery implements ApplicationRunner {

    static final String INTERRUPTED = "Slipway stopped while this deployment ran; deploy again.";
    private static final Logger log = LoggerFactory.getLogger(DeploymentRecovery.class);

    private final ServiceRepository services;
    private final DeploymentRepository deployments;
    private final Deployer deployer;
    private final ContainerRuntime runtime;

    DeploymentRecovery(ServiceRepository services, DeploymentRepository deployments, Deployer deployer,
                       ContainerRuntime runtime) {
        this.services = services;
        this.deployments = deployments;
        this.deployer = deployer;
        this.runtime = runtime;
    }

    @Override
    public void run(ApplicationArguments args) {
        var activeInstances = new HashSet<String>();
        for (var service : services.findAll()) {
            var active = service.activeDeploymentId().flatMap(deployments::find);
            active.flatMap(Deployment::instanceId).ifPresent(activeInstances::add);
        }
        for (var unfinished : deployments.findUnfinished()) {
            var status = unfinished.rollbackOf().isPresent() ? DeploymentStatus.ROLLBACK_FAILED : DeploymentStatus.FAILED;
            deployments.finish(unfinished.id(), status, INTERRUPTED);
        }
        for (var instance : runtime.list()) {
            if (!activeInstances.contains(instance.id())) {
                log.info("Stopping instance {} of {}: no active deployment owns it", instance.id(), instance.service());
                runtime.stop(instance.id());
            }
        }
        for (var service : services.findAll()) {
            if (service.activeDeploymentId().isPresent()) {
                deployer.restore(service);
            } else if (service.status() == ServiceStatus.OPERATION_IN_PROGRESS
                    && !deployments.listForService(service.id()).isEmpty()) {
                services.updateStatus(service.id(), ServiceStatus.CREATE_FAILED, INTERRUPTED);
            }
        }
        log.info("Recovered {} service(s) on the {} runtime", services.findAll().size(), runtime.name());
    }
}
