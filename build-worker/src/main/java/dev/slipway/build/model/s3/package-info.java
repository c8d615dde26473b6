/**
 * S3 and S3-compatible stores through the AWS SDK for Java v2. SDK types stay inside this
 * package: the rest of Slipway sees {@link dev.slipway.build.model.s3.S3ArtifactStore} and the
 * store-agnostic types of {@code dev.slipway.build.model}.
 */
package dev.slipway.build.model.s3;
