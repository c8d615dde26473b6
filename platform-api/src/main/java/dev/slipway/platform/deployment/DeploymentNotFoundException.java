package dev.slipway.platform.deployment;

/** No deployment of the service has the id asked for. */
public class DeploymentNotFoundException extends RuntimeException {

    public DeploymentNotFoundException(String service, String id) {
        super("Service '" + service + "' has no deployment '" + id + "'. GET /api/v1/services/" + service
                + "/deployments lists them.");
    }
}
