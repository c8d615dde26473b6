package dev.slipway.platform.system;

/** A request that cannot be done in the resource's current state; the message says why. */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
