package dev.slipway.platform.deployment;

import dev.slipway.platform.system.ConflictException;

/** A rollback was asked for, but there is no earlier deployment it could run again. */
public class NothingToRollBackException extends ConflictException {

    NothingToRollBackException(String message) {
        super(message);
    }
}
