package dev.slipway.platform.deployment;

/** A rollback was asked for, but there is no earlier deployment it could run again. */
public class NothingToRollBackException extends RuntimeException {

    NothingToRollBackException(String message) {
        super(message);
    }
}
