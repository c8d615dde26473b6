package dev.slipway.platform.routing;

/** The router cannot be reached right now; the message says why and what Slipway does about it. */
public class RouterUnavailableException extends RuntimeException {

    public RouterUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public RouterUnavailableException(String message) {
        super(message);
    }
}
