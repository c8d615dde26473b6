package dev.slipway.platform.deployment;

/** A deployment step failed; the message is the deployment's reason, written for the user. */
class DeploymentFailedException extends RuntimeException {

    DeploymentFailedException(String message) {
        super(message);
    }

    DeploymentFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
