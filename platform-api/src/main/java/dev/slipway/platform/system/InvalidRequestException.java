package dev.slipway.platform.system;

/** A request body that makes no sense; the message says which field and what is expected. */
public class InvalidRequestException extends RuntimeException {

    public InvalidRequestException(String message) {
        super(message);
    }
}
