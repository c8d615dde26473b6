package dev.slipway.platform.system;

import java.util.Map;

/**
 * The environment variables Slipway was started with, which it reads in one place so that a test
 * running Slipway in its own JVM can give it others (a registered bean of this type wins).
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
