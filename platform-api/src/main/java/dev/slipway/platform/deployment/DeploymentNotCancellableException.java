package dev.slipway.platform.deployment;

/** A deployment that can no longer be cancelled. */
public class DeploymentNotCancellableException extends RuntimeException {

    DeploymentNotCancellableException(String id, String why) {
        super("Deployment " + id + " cannot be cancelled: " + why + ".");
    }
}
