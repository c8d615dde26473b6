package dev.slipway.build.model;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Set;

/**
 * Downloads one object into the cache: into a {@code .part} file while hashing it, checks it
 * against its size and the digests the store declares, then renames it into place read-only.
 * Nothing is ever visible under a blob name unless it is whole and verified.
 */
final class VerifiedDownload {

    /** Transfers that break off are tried again this many times in all. */
    static final int MAX_ATTEMPTS = 3;
    private static final int BUFFER_BYTES = 1 << 16;
    private static final String MD5 = "MD5";
    private static final Set<PosixFilePermission> READ_ONLY = PosixFilePermissions.fromString("r--r--r--");

    private final CacheLayout layout;
    private final Clock clock;

    VerifiedDownload(CacheLayout layout, Clock clock) {
        this.layout = layout;
        this.clock = clock;
    }

    CachedBlob run(ObjectIdentity object, ObjectStore store) {
        IOException failure = null;
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            try {
                return attempt(object, store);
            } catch (IOException e) {
                failure = e;
            }
        }
        throw new ModelFetchException("could not download " + object.uri() + " in " + MAX_ATTEMPTS
                + " attempts: " + failure.getMessage() + "; check the connection to the store and deploy again",
                failure);
    }

    private CachedBlob attempt(ObjectIdentity object, ObjectStore store) throws IOException {
        var part = layout.newPartFile();
        try {
            DigestingOutputStream received;
            DeclaredDigests declared;
            try (var channel = FileChannel.open(part, StandardOpenOption.WRITE);
                 var out = new DigestingOutputStream(
                         new BufferedOutputStream(Channels.newOutputStream(channel), BUFFER_BYTES))) {
                declared = store.download(object, out);
                out.flush();
                // Durable before the rename, so a crash never leaves a named blob with lost content.
                channel.force(true);
                received = out;
            }
            var sha256 = verify(object, declared, received);
            return install(part, sha256, object.size());
        } finally {
            Files.deleteIfExists(part);
        }
    }

    private static String verify(ObjectIdentity object, DeclaredDigests declared, DigestingOutputStream received) {
        var sha256 = HexFormat.of().formatHex(received.sha256.digest());
        var md5 = HexFormat.of().formatHex(received.md5.digest());
        var mismatches = new ArrayList<String>();
        if (received.count != object.size()) {
            mismatches.add("the store lists " + object.size() + " bytes, the download has " + received.count);
        }
        declared.sha256().filter(expected -> !expected.equalsIgnoreCase(sha256)).ifPresent(expected ->
                mismatches.add("the store declares sha256 " + expected + ", the download hashes to " + sha256));
        declared.md5().filter(expected -> !expected.equalsIgnoreCase(md5)).ifPresent(expected ->
                mismatches.add("its ETag says MD5 " + expected + ", the download hashes to " + md5));
        if (!mismatches.isEmpty()) {
            throw new ModelFetchException(object.uri() + " (version " + object.version()
                    + ") failed verification: " + String.join("; ", mismatches)
                    + ". The download was discarded; check the object in the store (upload it again) and deploy again");
        }
        return sha256;
    }

    private CachedBlob install(Path part, String sha256, long size) throws IOException {
        var blob = layout.blob(sha256);
        if (Files.isRegularFile(blob) && Files.size(blob) == size) {
            // The same content arrived under another identity: keep the file builds may be using.
            return new CachedBlob(sha256, size, blob, true);
        }
        makeReadOnly(part);
        Files.setLastModifiedTime(part, FileTime.from(clock.instant()));
        Files.createDirectories(blob.getParent());
        Files.move(part, blob, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return new CachedBlob(sha256, size, blob, true);
    }

    private static void makeReadOnly(Path file) throws IOException {
        if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
            Files.setPosixFilePermissions(file, READ_ONLY);
        } else if (!file.toFile().setReadOnly()) {
            throw new IOException("cannot make " + file + " read-only");
        }
    }

    /** Hashes and counts everything written through it. */
    private static final class DigestingOutputStream extends FilterOutputStream {

        final MessageDigest sha256 = CacheLayout.newSha256();
        final MessageDigest md5 = CacheLayout.newDigest(MD5);
        long count;

        DigestingOutputStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            sha256.update((byte) b);
            md5.update((byte) b);
            count++;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
            sha256.update(bytes, offset, length);
            md5.update(bytes, offset, length);
            count += length;
        }
    }
}
