package dev.slipway.platform.routing;

import dev.slipway.platform.system.GeneratedValue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
        return GeneratedValue.readOrCreate(directory.resolve(FILE_NAME), TOKEN_BYTES);
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
}
