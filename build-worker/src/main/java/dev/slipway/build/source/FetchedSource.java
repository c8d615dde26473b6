package dev.slipway.build.source;

import java.nio.file.Path;

/**
 * A checked-out revision.
 *
 * @param commit          the full commit id the revision resolved to
 * @param sourceDirectory the project's directory inside the checkout
 */
public record FetchedSource(String commit, Path sourceDirectory) {
}
