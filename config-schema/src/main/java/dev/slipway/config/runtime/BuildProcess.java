package dev.slipway.config.runtime;

/** How App Runner builds a runtime's apps; Slipway follows the same steps. */
public enum BuildProcess {
    /**
     * The build commands run in the runtime image, which is also the image that runs the app:
     * everything the build installs, inside or outside {@code /app}, is deployed.
     */
    ORIGINAL,
    /**
     * A multi-stage build: pre-build and build run on the build image, only {@code /app} is
     * copied to the (often slimmer) run image, then {@code run.pre-run} runs there.
     */
    REVISED
}
