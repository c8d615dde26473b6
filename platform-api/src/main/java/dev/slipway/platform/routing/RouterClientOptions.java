package dev.slipway.platform.routing;

import dev.slipway.platform.system.SlipwayProperties;
import dev.slipway.router.RouterOptions;
import dev.slipway.router.TrustedProxies;
import java.util.ArrayList;
import java.util.List;

/**
 * How the router Slipway runs treats its clients: the per-client connection cap and the trusted proxies, from
 * {@code SLIPWAY_ROUTER_MAX_CONNECTIONS_PER_CLIENT} and {@code SLIPWAY_ROUTER_TRUSTED_PROXIES}. The one place
 * that turns those settings into the embedded router's options and the router process's command line.
 *
 * @param maxConnectionsPerClient the most connections at once from one client address, 0 for no cap
 * @param trustedProxies          the proxies whose forwarding headers the router keeps
 */
record RouterClientOptions(int maxConnectionsPerClient, TrustedProxies trustedProxies) {

    static final String MAX_CONNECTIONS_PER_CLIENT = "SLIPWAY_ROUTER_MAX_CONNECTIONS_PER_CLIENT";
    static final String TRUSTED_PROXIES = "SLIPWAY_ROUTER_TRUSTED_PROXIES";

    /**
     * Reads and checks the settings.
     *
     * @throws IllegalStateException naming the variable and what is wrong with it
     */
    static RouterClientOptions of(SlipwayProperties.Router settings) {
        if (settings.maxConnectionsPerClient() < 0) {
            throw new IllegalStateException(MAX_CONNECTIONS_PER_CLIENT + " is " + settings.maxConnectionsPerClient()
                    + "; set 0 for no cap or a positive number of connections");
        }
        try {
            return new RouterClientOptions(settings.maxConnectionsPerClient(),
                    TrustedProxies.parse(settings.trustedProxies()));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(TRUSTED_PROXIES + " is wrong: " + e.getMessage()
                    + "; separate blocks with commas, or leave it empty to trust no proxy", e);
        }
    }

    /** {@code options} with these settings. */
    RouterOptions applyTo(RouterOptions options) {
        return options.withMaxConnectionsPerClient(maxConnectionsPerClient).withTrustedProxies(trustedProxies);
    }

    /** The standalone router's command-line options for these settings. */
    List<String> arguments() {
        List<String> arguments = new ArrayList<>(List.of("--max-connections-per-client",
                Integer.toString(maxConnectionsPerClient)));
        if (!trustedProxies.isEmpty()) {
            arguments.addAll(List.of("--trusted-proxies", trustedProxies.toString()));
        }
        return List.copyOf(arguments);
    }
}
