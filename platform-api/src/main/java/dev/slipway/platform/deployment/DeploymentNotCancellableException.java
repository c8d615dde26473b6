package dev.slipway.platform.deployment;

import dev.slipway.platform.system.ConflictException;

/** A deployment that can no longer be cancelled. */
public class DeploymentNotCancellableException extends ConflictException {

    DeploymentNotCancellableException(String id, String why) {
        super("Deployment " + id + " cannot be cancelled: " + why + ".");
    }
}
