package dev.slipway.build.model;

import java.nio.file.Path;

/**
 * An object's content in the cache, and whether this caller downloaded it.
 *
 * @param sha256     the hex sha256 of the content
 * @param size       its size in bytes
 * @param file       the read-only blob file
 * @param downloaded whether this caller downloaded it (not when it was cached, or another build
 *                   downloaded it at the same time)
 */
record CachedBlob(String sha256, long size, Path file, boolean downloaded) {

    long downloadedBytes() {
        return downloaded ? size : 0;
    }

    /** The same blob, as seen by a caller that did not download it. */
    CachedBlob shared() {
        return new CachedBlob(sha256, size, file, false);
    }
}
