package dev.slipway.build.model;

/** A model could not be fetched; the message names the source and says why. */
public class ModelFetchException extends RuntimeException {

    public ModelFetchException(String message) {
        super(message);
    }

    public ModelFetchException(String message, Throwable cause) {
        super(message, cause);
    }
}
