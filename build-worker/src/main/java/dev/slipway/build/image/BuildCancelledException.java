package dev.slipway.build.image;

/**
 * A build stopped because its thread was interrupted, e.g. a newer push superseded it. Every
 * container the build started has been removed by the time this is thrown. It is a
 * {@link BuildFailedException}, so code that reports failed builds also reports cancelled ones;
 * catch it first to tell the two apart.
 */
public class BuildCancelledException extends BuildFailedException {

    public BuildCancelledException(String message) {
        super(message);
    }

    public BuildCancelledException(String message, Throwable cause) {
        super(message, cause);
    }
}
