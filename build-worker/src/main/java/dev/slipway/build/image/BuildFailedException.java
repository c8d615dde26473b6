package dev.slipway.build.image;

/**
 * A build failed. The message is meant for the user: the failing command, its exit code and the
 * last lines of its output, or what is missing.
 */
public class BuildFailedException extends RuntimeException {

    public BuildFailedException(String message) {
        super(message);
    }

    public BuildFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
