package dev.slipway.platform.deployment;

import dev.slipway.platform.service.Service;
import dev.slipway.platform.service.ServiceRepository;
import java.util.List;
import java.util.Optional;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** {@code /api/v1/services/{name}/deployments} and {@code …/rollback}. */
@RestController
@RequestMapping("/api/v1/services/{name}")
class DeploymentController {

    private final ServiceRepository services;
    private final DeploymentRepository deployments;
    private final Deployer deployer;
    private final DeployNow deployNow;

    DeploymentController(ServiceRepository services, DeploymentRepository deployments, Deployer deployer,
                         DeployNow deployNow) {
        this.services = services;
        this.deployments = deployments;
        this.deployer = deployer;
        this.deployNow = deployNow;
    }

    /** The service's deployments, newest first. */
    @GetMapping("/deployments")
    List<DeploymentView> list(@PathVariable String name) {
        var service = services.get(name);
        return deployments.listForService(service.id()).stream().map(d -> DeploymentView.of(d, name)).toList();
    }

    @GetMapping("/deployments/{id}")
    DeploymentView get(@PathVariable String name, @PathVariable String id) {
        var service = services.get(name);
        return DeploymentView.withConfigText(deployments.get(service, id), name);
    }

    /** Deploys now: the newest commit of the deploy branch, or the image, rebuilt and released. */
    @PostMapping("/deployments")
    ResponseEntity<DeploymentView> deploy(@PathVariable String name) {
        var service = services.get(name);
        return accepted(service, deployNow.deploy(service));
    }

    /**
     * Runs an earlier deployment's artifact again, without a rebuild: the one named by
     * {@code deploymentId}, or else the newest successful one before the active deployment.
     */
    @PostMapping("/rollback")
    ResponseEntity<DeploymentView> rollback(@PathVariable String name,
                                            @RequestBody(required = false) RollbackRequest request) {
        var service = services.get(name);
        var target = Optional.ofNullable(request).map(RollbackRequest::deploymentId).filter(id -> !id.isBlank());
        return accepted(service, deployer.rollback(service, target, DeploymentListener.NULL));
    }

    /** Cancels a deployment that has not moved traffic yet. */
    @PostMapping("/deployments/{id}/cancel")
    ResponseEntity<DeploymentView> cancel(@PathVariable String name, @PathVariable String id) {
        var service = services.get(name);
        var deployment = deployments.get(service, id);
        deployer.cancel(deployment);
        return ResponseEntity.accepted().body(DeploymentView.of(deployments.find(id).orElseThrow(), name));
    }

    /** The body of a rollback request; every field is optional. */
    record RollbackRequest(String deploymentId) {
    }

    private ResponseEntity<DeploymentView> accepted(Service service, RunningDeployment running) {
        var deployment = running.deployment();
        var location = ServletUriComponentsBuilder.fromCurrentContextPath()
                .path("/api/v1/services/{name}/deployments/{id}")
                .buildAndExpand(service.name(), deployment.id()).toUri();
        return ResponseEntity.accepted().location(location).body(DeploymentView.of(deployment, service.name()));
    }
}
