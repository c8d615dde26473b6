package dev.slipway.platform.service.lifecycle;

import dev.slipway.platform.deployment.Deployer;
import dev.slipway.platform.deployment.Deployment;
import dev.slipway.platform.deployment.DeploymentListener;
import dev.slipway.platform.deployment.DeploymentRepository;
import dev.slipway.platform.deployment.DeploymentTrigger;
import dev.slipway.platform.gitpush.GitRepositories;
import dev.slipway.platform.logs.AppLogs;
import dev.slipway.platform.logs.DeploymentLogs;
import dev.slipway.platform.routing.ServiceRoutes;
import dev.slipway.platform.scaling.Autoscaler;
import dev.slipway.platform.scaling.ScaledServices;
import dev.slipway.platform.service.S3Settings;
import dev.slipway.platform.service.Service;
import dev.slipway.platform.service.ServiceRepository;
import dev.slipway.platform.service.ServiceSource;
import dev.slipway.platform.service.ServiceStatus;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Creating and deleting a service touches its repository, its routes and its instances. The REST API and the
 * console both go through here.
 */
@Component
public class ServiceOperations {

    private final ServiceRepository services;
    private final GitRepositories repositories;
    private final Deployer deployer;
    private final ServiceRoutes routes;
    private final DeploymentRepository deployments;
    private final DeploymentLogs logs;
    private final AppLogs appLogs;
    private final ScaledServices scaled;
    private final Autoscaler autoscaler;

    ServiceOperations(ServiceRepository services, GitRepositories repositories, Deployer deployer,
                      ServiceRoutes routes, DeploymentRepository deployments, DeploymentLogs logs, AppLogs appLogs,
                      ScaledServices scaled, Autoscaler autoscaler) {
        this.services = services;
        this.repositories = repositories;
        this.deployer = deployer;
        this.routes = routes;
        this.deployments = deployments;
        this.logs = logs;
        this.appLogs = appLogs;
        this.scaled = scaled;
        this.autoscaler = autoscaler;
    }

    /**
     * Creates the service the request describes; one with a fetchable source starts deploying at once.
     *
     * @throws dev.slipway.platform.system.InvalidRequestException naming the field, when the request is not valid
     * @throws dev.slipway.platform.service.ServiceAlreadyExistsException when the name is taken
     */
    public Service create(CreateServiceRequest request) {
        return create(request.validName(), request.toSource(), request.toS3Settings());
    }

    private Service create(String name, ServiceSource source, Optional<S3Settings> s3) {
        if (source.type() == ServiceSource.Type.GIT_PUSH) {
            var service = services.create(name, source, s3, ServiceStatus.OPERATION_IN_PROGRESS,
                    "Waiting for the first git push.");
            repositories.create(name, source.branch());
            return service;
        }
        var service = services.create(name, source, s3, ServiceStatus.OPERATION_IN_PROGRESS, "Deployment 1 is queued.");
        deployer.deploy(service, DeploymentTrigger.CREATE, Optional.empty(), DeploymentListener.NULL);
        return service;
    }

    /** Stops the service's instances, removes its route, repository, records and logs. */
    public void delete(Service service) {
        autoscaler.retire(service.id());
        deployer.retire(service);
        routes.unroute(service.name());
        repositories.delete(service.name());
        var deploymentIds = deployments.listForService(service.id()).stream().map(Deployment::id).toList();
        services.delete(service.id());
        deploymentIds.forEach(logs::delete);
        appLogs.delete(service.name());
    }

    String url(String service) {
        return routes.url(service);
    }

    /** The service's effective scaling, where each setting came from, and how many instances it wants now. */
    public ServiceView.ScalingView scaling(Service service) {
        var desired = service.paused() ? Integer.valueOf(0) : autoscaler.current(service.id()).orElse(null);
        return ServiceView.ScalingView.of(scaled.scalingOf(service), desired);
    }
}
