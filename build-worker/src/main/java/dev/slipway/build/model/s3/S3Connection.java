package dev.slipway.build.model.s3;

import software.amazon.awssdk.services.s3.S3Client;

/** A client for one store, and what that store turned out not to support. */
final class S3Connection {

    private final S3Client s3;
    private volatile boolean checksumMode = true;

    S3Connection(S3Client s3) {
        this.s3 = s3;
    }

    S3Client s3() {
        return s3;
    }

    /** Whether to ask the store for the checksums it keeps with each object. */
    boolean checksumMode() {
        return checksumMode;
    }

    /** The store answers "not implemented" to checksum requests; stop asking. */
    void refuseChecksumMode() {
        checksumMode = false;
    }
}
