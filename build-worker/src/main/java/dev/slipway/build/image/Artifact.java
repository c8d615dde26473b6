package dev.slipway.build.image;

import java.util.Objects;

/**
 * A runnable result of a build.
 *
 * @param kind      what {@code reference} names
 * @param reference the image id for {@link Kind#IMAGE}, the absolute app directory for
 *                  {@link Kind#DIRECTORY}
 * @param run       how to start it
 */
public record Artifact(Kind kind, String reference, RunSettings run) {

    /** What an artifact is. */
    public enum Kind {
        /** A container image in the local Docker daemon. */
        IMAGE,
        /** A directory prepared for running the app as a local process. */
        DIRECTORY
    }

    public Artifact {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(run, "run");
    }
}
