package dev.slipway.platform.service;

import dev.slipway.platform.system.NotFoundException;

/** No service has the name asked for. */
public class ServiceNotFoundException extends NotFoundException {

    public ServiceNotFoundException(String name) {
        super("No service is named '" + name + "'. GET /api/v1/services lists the services that exist.");
    }
}
