package dev.slipway.platform.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * A random value Slipway makes once and keeps in a file under its home (the admin token, the
 * router's control token, the installation id): read when the file exists, else generated and
 * written atomically, readable by its owner only.
 */
public final class GeneratedValue {

    private GeneratedValue() {
    }

    /** The value in {@code file}, or {@code bytes} random bytes in hex, written there first. */
    public static String readOrCreate(Path file, int bytes) {
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).trim();
            }
            Files.createDirectories(file.getParent());
            var random = new byte[bytes];
            new SecureRandom().nextBytes(random);
            var generated = HexFormat.of().formatHex(random);
            // Owner-only from the moment it exists, so the value is never readable by others, even briefly.
            var temporary = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try {
                Files.writeString(temporary, generated + "\n", StandardCharsets.UTF_8);
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temporary);
            }
            return generated;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create " + file + "; check that Slipway may write to "
                    + file.getParent(), e);
        }
    }
}
