package dev.slipway.platform.system;

/** What a request names does not exist; the message says what, and how to find what does. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
