package dev.slipway.platform.runtime;

/** An instance could not be started; the message says why. */
public class InstanceStartException extends RuntimeException {

    public InstanceStartException(String message, Throwable cause) {
        super(message, cause);
    }

    public InstanceStartException(String message) {
        super(message);
    }
}
