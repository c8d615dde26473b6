package dev.slipway.router;

import java.util.List;

/**
 * Where requests for one host go.
 *
 * @param host    the request host, lower case, without port, e.g. {@code hello.localhost}
 * @param targets the instances that share the host's requests
 */
public record Route(String host, List<Target> targets) {

    public Route {
        targets = List.copyOf(targets);
    }
}
