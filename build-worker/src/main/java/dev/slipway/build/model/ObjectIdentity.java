package dev.slipway.build.model;

import java.util.Objects;
import java.util.Optional;

/**
 * One exact version of one object in a store, as a HEAD or a listing describes it. The cache keys
 * content by it: the same identity always means the same bytes.
 *
 * @param endpoint  the store's endpoint, e.g. {@code http://minio:9000}, or {@link #AWS} for AWS
 * @param bucket    the bucket
 * @param key       the object key
 * @param versionId the store's version id, when the bucket keeps versions
 * @param etag      the ETag, without quotes
 * @param size      the size in bytes
 */
public record ObjectIdentity(String endpoint, String bucket, String key, Optional<String> versionId,
                             String etag, long size) {

    /** The endpoint of objects in AWS S3 itself. */
    public static final String AWS = "aws";

    public ObjectIdentity {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(versionId, "versionId");
        etag = unquoted(Objects.requireNonNull(etag, "etag"));
        if (size < 0) {
            throw new IllegalArgumentException("negative size " + size + " of " + key);
        }
    }

    /** The object's URI, e.g. {@code s3://models/sentiment/model.pkl}. */
    public String uri() {
        return "s3://" + bucket + "/" + key;
    }

    /** The version id, else the ETag. */
    public String version() {
        return versionId.orElse(etag);
    }

    /**
     * What identifies the content: the version id when there is one, else ETag and size (an
     * overwrite changes the ETag, and the size guards against stores whose ETags are not digests).
     */
    String indexKey() {
        var version = versionId.map(id -> "version " + id).orElse("etag " + etag + " size " + size);
        return String.join("\n", endpoint, bucket, key, version);
    }

    private static String unquoted(String etag) {
        return etag.length() >= 2 && etag.startsWith("\"") && etag.endsWith("\"")
                ? etag.substring(1, etag.length() - 1)
                : etag;
    }
}
