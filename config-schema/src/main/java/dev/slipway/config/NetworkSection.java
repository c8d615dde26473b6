package dev.slipway.config;

import java.util.Optional;

/**
 * {@code run.network}: the port the app listens on, always passed as {@code PORT}, and
 * optionally also under the variable named by {@code env}.
 */
public record NetworkSection(int port, Optional<String> env) {

    /** App Runner's default when {@code run.network.port} is absent. */
    public static final int DEFAULT_PORT = 8080;

    /** The variable that always carries the port. */
    public static final String PORT_VARIABLE = "PORT";

    public static NetworkSection defaults() {
        return new NetworkSection(DEFAULT_PORT, Optional.empty());
    }
}
