package dev.slipway.router;

import java.util.List;
import java.util.Objects;

/**
 * Where requests for one host go.
 *
 * @param host    the request host without port, e.g. {@code hello.localhost}; stored in lower case
 * @param targets the instances that share the host's requests
 */
public record Route(String host, List<Target> targets) {

    /**
     * @throws IllegalArgumentException when the host is blank, holds a port or characters a Host header cannot have
     */
    public Route {
        host = HostNames.checkRouteHost(Objects.requireNonNull(host, "host"));
        targets = List.copyOf(targets);
    }

    /** A route sending every request for {@code host} to one target. */
    public static Route of(String host, String address) {
        return new Route(host, List.of(Target.of(address)));
    }
}
