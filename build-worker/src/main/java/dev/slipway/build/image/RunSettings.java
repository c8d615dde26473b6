package dev.slipway.build.image;

import java.util.Map;
import java.util.Optional;

/**
 * How to start a built app.
 *
 * @param command the start command, run through {@code sh -c}; empty to use the image's own
 *                command (Dockerfile projects)
 * @param port    the port the app listens on inside its container; a process runtime replaces it
 *                with a free port
 * @param portEnv the extra variable that also carries the port ({@code run.network.env})
 * @param env     the app's own environment ({@code run.env}); {@code PORT} is added at start
 */
public record RunSettings(Optional<String> command, int port, Optional<String> portEnv, Map<String, String> env) {

    public RunSettings {
        env = Map.copyOf(env);
    }
}
