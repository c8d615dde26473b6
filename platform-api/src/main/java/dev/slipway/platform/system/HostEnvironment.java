package dev.slipway.platform.system;

import java.util.Map;

/**
 * The environment variables Slipway was started with, as the company-network settings read them
 * (proxies and package mirrors to forward), so that a test running Slipway in its own JVM can give
 * it others (a registered bean of this type wins). Other readers of the environment take it from
 * the system directly.
 *
 * @param variables by name
 */
public record HostEnvironment(Map<String, String> variables) {

    public HostEnvironment {
        variables = Map.copyOf(variables);
    }

    /** This process's environment. */
    public static HostEnvironment system() {
        return new HostEnvironment(System.getenv());
    }
}
