package dev.slipway.platform.deployment;

/** A deployment step failed; the message is the deployment's reason, written for the user. */
public class DeploymentFailedException extends RuntimeException {

    public DeploymentFailedException(String message) {
        super(message);
    }

    public DeploymentFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
