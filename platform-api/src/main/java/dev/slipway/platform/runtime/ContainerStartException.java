package dev.slipway.platform.runtime;

/** A container could not be started; the message says why. */
public class ContainerStartException extends RuntimeException {

    public ContainerStartException(String message, Throwable cause) {
        super(message, cause);
    }

    public ContainerStartException(String message) {
        super(message);
    }
}
