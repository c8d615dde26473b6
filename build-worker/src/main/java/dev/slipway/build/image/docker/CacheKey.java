package dev.slipway.build.image.docker;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * A sha256 over named parts, each written with its length so no two different lists of parts
 * give the same input. Every key starts with {@link #FORMAT_VERSION}: raising it invalidates
 * every cache image when what an image holds changes for the same inputs.
 */
final class CacheKey {

    /** Raise when the images the builder makes change for the same inputs. */
    static final int FORMAT_VERSION = 1;

    private final MessageDigest sha;

    private CacheKey(String purpose) {
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
        add("format", Integer.toString(FORMAT_VERSION));
        add("purpose", purpose);
    }

    /** A key for one kind of image; the same parts for different purposes give different keys. */
    static CacheKey of(ImageKind kind) {
        return new CacheKey(kind.label());
    }

    CacheKey add(String name, String value) {
        write(name);
        write(value == null ? "\0null" : value);
        return this;
    }

    CacheKey add(String name, List<String> values) {
        write(name);
        write(Integer.toString(values.size()));
        values.forEach(this::write);
        return this;
    }

    /** Map entries in the map's own order: for environments, order decides which value wins. */
    CacheKey add(String name, Map<String, String> values) {
        write(name);
        write(Integer.toString(values.size()));
        values.forEach((key, value) -> {
            write(key);
            write(value);
        });
        return this;
    }

    /** The key as 64 lower-case hex digits; usable as an image tag. */
    String hex() {
        return HexFormat.of().formatHex(sha.digest());
    }

    private void write(String text) {
        var bytes = text.getBytes(StandardCharsets.UTF_8);
        sha.update((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
        sha.update(bytes);
    }
}
