package dev.slipway.build.source;

import java.nio.file.Path;

/**
 * A checked-out revision.
 *
 * @param commit          the full commit id the revision resolved to
 * @param sourceDirectory the project's directory inside the checkout
 * @param message         the commit message's first line
 */
public record FetchedSource(String commit, Path sourceDirectory, String message) {

    /** A revision whose message nobody reads. */
    public FetchedSource(String commit, Path sourceDirectory) {
        this(commit, sourceDirectory, "");
    }
}
