package dev.slipway.build.model;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;

/**
 * One model file fetched for a build, as stored in the content cache.
 *
 * @param uri     where it came from, e.g. {@code s3://models/sentiment/v1/model.pkl}
 * @param version the store's version of it: the S3 version id when the bucket keeps versions,
 *                else the ETag
 * @param sha256  the hex sha256 of its content, verified when it was stored
 * @param size    its size in bytes
 * @param file    the cached file (read-only; shared by every build that uses the same content)
 * @param target  where it goes, relative to the app directory, e.g. {@code models/model.pkl}
 */
public record ModelObject(String uri, String version, String sha256, long size, Path file, String target) {

    public ModelObject {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(target, "target");
        if (target.startsWith("/") || Arrays.asList(target.split("/")).contains("..")) {
            throw new IllegalArgumentException("model target must stay inside the app: " + target);
        }
    }
}
