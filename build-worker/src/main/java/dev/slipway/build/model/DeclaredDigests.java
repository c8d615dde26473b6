package dev.slipway.build.model;

import java.util.Optional;

/**
 * What a store says the content of a downloaded object hashes to, so the cache can check what it
 * received. Each digest is present only when the store vouches for it.
 *
 * @param sha256 the hex sha256 of the whole content (S3's {@code x-amz-checksum-sha256})
 * @param md5    the hex MD5 of the whole content (S3's ETag of a plain single-part upload)
 */
public record DeclaredDigests(Optional<String> sha256, Optional<String> md5) {

    /** The store vouches for nothing; only the size is checked. */
    public static final DeclaredDigests NONE = new DeclaredDigests(Optional.empty(), Optional.empty());
}
