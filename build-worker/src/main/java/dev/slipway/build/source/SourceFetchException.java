package dev.slipway.build.source;

/** A source revision could not be fetched; the message says which and why. */
public class SourceFetchException extends RuntimeException {

    public SourceFetchException(String message) {
        super(message);
    }

    public SourceFetchException(String message, Throwable cause) {
        super(message, cause);
    }
}
