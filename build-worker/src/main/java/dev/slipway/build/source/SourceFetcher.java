package dev.slipway.build.source;

import java.nio.file.Path;

/**
 * Checks out a source revision into a directory. Implementations may block for as long as the
 * fetch takes; they never modify the repository they read from.
 */
public interface SourceFetcher {

    /**
     * Checks out {@code request.revision()} of {@code request.repository()} into {@code target}
     * (created if absent, must be empty).
     *
     * @throws SourceFetchException when the repository or revision cannot be read
     */
    FetchedSource fetch(SourceRequest request, Path target);
}
