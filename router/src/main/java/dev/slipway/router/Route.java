package dev.slipway.router;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Where requests for one host, or one path prefix of a host, go.
 *
 * @param host           the request host without port, e.g. {@code hello.localhost}, or {@code *.example.com}
 *                       for every host one label below {@code example.com}; stored in lower case
 * @param pathPrefix     the path prefix this route takes, {@code /} for every path; {@code /api} takes
 *                       {@code /api} and {@code /api/...} but not {@code /apix}. A trailing slash is dropped.
 * @param targets        the instances that share the route's requests
 * @param service        the name the route's metrics are reported under; null means the host
 * @param requestTimeout how long an instance may take to start its response; null means the router's
 *                       {@link RouterOptions#requestTimeout()}; at most {@link #MAX_REQUEST_TIMEOUT}
 * @param maxBodySize    the largest request body in bytes; null means the router's
 *                       {@link RouterOptions#maxRequestBodySize()}
 * @param admission      limits, queue and holding of the route's requests; null means {@link Admission#NONE}
 */
public record Route(String host, String pathPrefix, List<Target> targets, String service, Duration requestTimeout,
                    Long maxBodySize, Admission admission) {

    /** The longest request timeout a route may set. */
    public static final Duration MAX_REQUEST_TIMEOUT = Duration.ofHours(24);
    /** The longest service name, in characters. */
    static final int MAX_SERVICE_LENGTH = 200;

    /**
     * @throws IllegalArgumentException when the host is blank, holds a port or characters a Host header cannot
     *                                  have, or another field is out of range
     */
    public Route {
        host = HostNames.checkRouteHost(Objects.requireNonNull(host, "host"));
        pathPrefix = PathPrefixes.check(pathPrefix);
        targets = List.copyOf(targets);
        service = service == null ? host : checkService(service);
        if (requestTimeout != null && !allowedRequestTimeout(requestTimeout)) {
            throw new IllegalArgumentException("Request timeout " + requestTimeout + " of host '" + host
                    + "' is out of range; give more than 0 and at most " + MAX_REQUEST_TIMEOUT.toHours() + " hours");
        }
        if (maxBodySize != null && maxBodySize < 0) {
            throw new IllegalArgumentException("Maximum body size " + maxBodySize + " of host '" + host
                    + "' is negative; give a number of bytes, 0 or more");
        }
        admission = admission == null ? Admission.NONE : admission;
    }

    /** A route with the router's admission: no limit, no queue. */
    public Route(String host, String pathPrefix, List<Target> targets, String service, Duration requestTimeout,
                 Long maxBodySize) {
        this(host, pathPrefix, targets, service, requestTimeout, maxBodySize, Admission.NONE);
    }

    /** A route taking every path of {@code host}, with the router's timeouts and limits. */
    public Route(String host, List<Target> targets) {
        this(host, PathPrefixes.ROOT, targets, null, null, null, Admission.NONE);
    }

    /** A route sending every request for {@code host} to one target. */
    public static Route of(String host, String address) {
        return new Route(host, List.of(Target.of(address)));
    }

    public Route withPathPrefix(String prefix) {
        return new Route(host, prefix, targets, service, requestTimeout, maxBodySize, admission);
    }

    public Route withTargets(List<Target> routeTargets) {
        return new Route(host, pathPrefix, routeTargets, service, requestTimeout, maxBodySize, admission);
    }

    public Route withService(String name) {
        return new Route(host, pathPrefix, targets, name, requestTimeout, maxBodySize, admission);
    }

    /** A copy with its own request timeout; null returns to the router's. */
    public Route withRequestTimeout(Duration timeout) {
        return new Route(host, pathPrefix, targets, service, timeout, maxBodySize, admission);
    }

    /** A copy with its own maximum request body size in bytes; null returns to the router's. */
    public Route withMaxBodySize(Long bytes) {
        return new Route(host, pathPrefix, targets, service, requestTimeout, bytes, admission);
    }

    /** A copy with other admission settings; null returns to {@link Admission#NONE}. */
    public Route withAdmission(Admission settings) {
        return new Route(host, pathPrefix, targets, service, requestTimeout, maxBodySize, settings);
    }

    /** True when the host is a wildcard such as {@code *.example.com}. */
    public boolean wildcard() {
        return host.startsWith(HostNames.WILDCARD_PREFIX);
    }

    /** Whether a route may set {@code timeout}: more than 0 and at most {@link #MAX_REQUEST_TIMEOUT}. */
    static boolean allowedRequestTimeout(Duration timeout) {
        return !timeout.isNegative() && !timeout.isZero() && timeout.compareTo(MAX_REQUEST_TIMEOUT) <= 0;
    }

    static String checkService(String service) {
        if (service.isBlank() || service.length() > MAX_SERVICE_LENGTH || service.chars().anyMatch(c -> c < ' ' || c == 0x7f)) {
            throw new IllegalArgumentException("Service name '" + service
                    + "' must be 1 to " + MAX_SERVICE_LENGTH + " characters without control characters");
        }
        return service;
    }
}
