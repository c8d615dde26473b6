package dev.slipway.platform.deployment;

import dev.slipway.platform.system.NotFoundException;

/** No deployment of the service has the id asked for. */
public class DeploymentNotFoundException extends NotFoundException {

    public DeploymentNotFoundException(String service, String id) {
        super("Service '" + service + "' has no deployment '" + id + "'. GET /api/v1/services/" + service
                + "/deployments lists them.");
    }
}
