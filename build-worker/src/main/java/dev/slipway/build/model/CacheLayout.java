package dev.slipway.build.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Where the content cache keeps things: blobs by sha256, index entries and download locks by a
 * hash of the object identity, and temporary files on the same file system so renames are atomic.
 */
final class CacheLayout {

    static final String SHA_256 = "SHA-256";
    static final String PART_SUFFIX = ".part";
    private static final String BLOBS = "blobs";
    private static final String INDEX = "index";
    private static final String LOCKS = "locks";
    private static final String TEMPORARY = "tmp";
    private static final String LOCK_SUFFIX = ".lock";
    private static final int SHARD_LENGTH = 2;

    private final Path root;

    CacheLayout(Path root) {
        try {
            for (var directory : new String[] {BLOBS, INDEX, LOCKS, TEMPORARY}) {
                Files.createDirectories(root.resolve(directory));
            }
            // The real path, so every cache on one directory shares its in-flight downloads.
            this.root = root.toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the model cache in " + root.toAbsolutePath()
                    + ": " + e.getMessage() + "; make the directory writable or point SLIPWAY_HOME elsewhere", e);
        }
    }

    Path root() {
        return root;
    }

    Path blobs() {
        return root.resolve(BLOBS);
    }

    Path index() {
        return root.resolve(INDEX);
    }

    Path locks() {
        return root.resolve(LOCKS);
    }

    Path temporary() {
        return root.resolve(TEMPORARY);
    }

    Path blob(String sha256) {
        return sharded(blobs(), sha256);
    }

    Path entry(ObjectIdentity object) {
        return sharded(index(), sha256Hex(object.indexKey()));
    }

    Path lock(ObjectIdentity object) {
        return locks().resolve(sha256Hex(object.indexKey()) + LOCK_SUFFIX);
    }

    /** The lock file that belongs to an index entry file. */
    Path lockOf(Path entry) {
        return locks().resolve(entry.getFileName() + LOCK_SUFFIX);
    }

    Path newPartFile() throws IOException {
        return Files.createTempFile(temporary(), "download-", PART_SUFFIX);
    }

    Path newTemporaryFile() throws IOException {
        return Files.createTempFile(temporary(), "entry-", ".tmp");
    }

    static String sha256Hex(String text) {
        return HexFormat.of().formatHex(newSha256().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    static MessageDigest newSha256() {
        return newDigest(SHA_256);
    }

    static MessageDigest newDigest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM lacks " + algorithm, e);
        }
    }

    private static Path sharded(Path directory, String hex) {
        return directory.resolve(hex.substring(0, SHARD_LENGTH)).resolve(hex);
    }
}
