package dev.slipway.platform.service;

import dev.slipway.platform.system.ConflictException;

/** A service with the name exists already. */
public class ServiceAlreadyExistsException extends ConflictException {

    public ServiceAlreadyExistsException(String name) {
        super("A service named '" + name + "' exists already; choose another name or delete it first.");
    }
}
