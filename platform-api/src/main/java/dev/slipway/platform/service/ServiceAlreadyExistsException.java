package dev.slipway.platform.service;

/** A service with the name exists already. */
public class ServiceAlreadyExistsException extends RuntimeException {

    public ServiceAlreadyExistsException(String name) {
        super("A service named '" + name + "' exists already; choose another name or delete it first.");
    }
}
