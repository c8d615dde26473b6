package dev.slipway.platform.routing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;

/**
 * The bearer token of the router's control API: {@code SLIPWAY_ROUTER_TOKEN} when set, else the file
 * {@code router/control-token}, which Slipway generates once (readable by its owner only) when it runs
 * the router itself.
 */
final class ControlToken {

    static final String VARIABLE = "SLIPWAY_ROUTER_TOKEN";
    static final String FILE_NAME = "control-token";
    private static final int TOKEN_BYTES = 24;

    private ControlToken() {
    }

    /** The token for a router Slipway runs: from the environment, else the file, generated when missing. */
    static String forProcess(Path directory, Map<String, String> environment) {
        String configured = environment.get(VARIABLE);
        if (configured != null && !configured.isBlank()) {
            return configured.strip();
        }
        Path file = directory.resolve(FILE_NAME);
        try {
            return Files.exists(file) ? read(file) : create(file);
        } catch (IOException e) {
            throw new RouterUnavailableException("Cannot read or create the router's control token " + file + " ("
                    + e + "); make " + directory + " writable by the user Slipway runs as.", e);
        }
    }

    /** The token of a router someone else runs: from the environment, else the file; never generated. */
    static String forExternal(Path directory, Map<String, String> environment) {
        String configured = environment.get(VARIABLE);
        if (configured != null && !configured.isBlank()) {
            return configured.strip();
        }
        Path file = directory.resolve(FILE_NAME);
        try {
            return read(file);
        } catch (IOException e) {
            throw new RouterUnavailableException("SLIPWAY_ROUTER=external needs the router's control token, but "
                    + VARIABLE + " is not set and " + file + " cannot be read (" + e + "). Give Slipway the token "
                    + "the router was started with (see deploy/systemd/README.md).", e);
        }
    }

    private static String read(Path file) throws IOException {
        String token = Files.readString(file, StandardCharsets.UTF_8).strip();
        if (token.isEmpty()) {
            throw new IOException(file + " is empty");
        }
        return token;
    }

    private static String create(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        byte[] bytes = new byte[TOKEN_BYTES];
        new SecureRandom().nextBytes(bytes);
        String token = HexFormat.of().formatHex(bytes);
        // Owner-only from the moment it exists, so the token is never readable by others, even briefly.
        Path temporary = Files.createTempFile(file.getParent(), "." + FILE_NAME, ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            Files.writeString(temporary, token + "\n", StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
        return token;
    }
}
