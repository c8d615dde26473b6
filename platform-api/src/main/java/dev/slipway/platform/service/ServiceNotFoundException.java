package dev.slipway.platform.service;

/** No service has the name asked for. */
public class ServiceNotFoundException extends RuntimeException {

    public ServiceNotFoundException(String name) {
        super("No service is named '" + name + "'. GET /api/v1/services lists the services that exist.");
    }
}
