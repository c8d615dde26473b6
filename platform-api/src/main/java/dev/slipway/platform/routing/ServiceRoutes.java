package dev.slipway.platform.routing;

import dev.slipway.platform.system.SlipwayProperties;
import dev.slipway.router.Route;
import dev.slipway.router.RouteTable;
import dev.slipway.router.Target;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/**
 * Which instances serve each service, published to the router as one snapshot on every change.
 * A service named {@code hello} is served at {@code hello.<apps domain>}; its healthy instances
 * share its requests equally. A service that exists but has no healthy instance keeps a route
 * without targets, so its requests get 503 with {@code Retry-After}, never 404.
 * <p>
 * It starts from the table the router already serves, so a restarted Slipway publishing one
 * service's change never drops the routes of services it has not looked at yet.
 */
@Component
public class ServiceRoutes {

    private final RouteTablePublisher publisher;
    private final String appsDomain;
    private final Map<String, Route> routes = new TreeMap<>();
    private boolean unpublished;

    ServiceRoutes(RouteTablePublisher publisher, SlipwayProperties properties) {
        this.publisher = publisher;
        this.appsDomain = properties.appsDomain().toLowerCase(Locale.ROOT);
        for (var route : publisher.current().routes()) {
            if (route.host().equals(host(route.service()))) {
                routes.put(route.service(), route);
            }
        }
    }

    /**
     * Sends the service's new requests to these addresses, equally; none: 503 until there are, or,
     * as {@code admission} says, requests wait for one. Waits at most {@code requestTimeout} for an
     * instance to start answering. Returns once the router follows; does nothing when the route is
     * unchanged.
     */
    public synchronized void route(String service, List<String> addresses, Duration requestTimeout,
                                   AdmissionPolicy admission) {
        var route = routeOf(service, addresses, requestTimeout).withAdmission(admission.toRouter());
        if (!route.equals(routes.get(service)) || unpublished) {
            routes.put(service, route);
            publish();
        }
    }

    /** Stops routing the service: its host answers 404 from now on (it was deleted). */
    public synchronized void unroute(String service) {
        if (routes.remove(service) != null || unpublished) {
            publish();
        }
    }

    /** Publishes again a table whose last publish failed; does nothing otherwise. */
    public synchronized void retryUnpublished() {
        if (unpublished) {
            publish();
        }
    }

    /** The addresses the service is routed to now. */
    public synchronized List<String> addresses(String service) {
        var route = routes.get(service);
        return route == null ? List.of() : route.targets().stream().map(Target::address).toList();
    }

    /** Every routed service's requests now, by name; empty while the router is down. */
    public Map<String, ServiceTraffic> traffic() {
        return publisher.traffic();
    }

    /** See {@link RouteTablePublisher#awaitDemand}. */
    public Demand awaitDemand(long after, Duration timeout) throws InterruptedException {
        return publisher.awaitDemand(after, timeout);
    }

    /** Waits until requests in flight to an instance that no longer gets traffic have finished. */
    public boolean awaitDrained(String address, Duration timeout) throws InterruptedException {
        return publisher.awaitDrained(address, timeout);
    }

    /** The port the router serves apps on. */
    public int routerPort() {
        return publisher.port();
    }

    public String host(String service) {
        return service + "." + appsDomain;
    }

    public String url(String service) {
        var port = routerPort();
        return "http://" + host(service) + (port == 80 ? "" : ":" + port) + "/";
    }

    private Route routeOf(String service, List<String> addresses, Duration requestTimeout) {
        var targets = addresses.stream().sorted().distinct().map(a -> new Target(a, Target.FULL_WEIGHT)).toList();
        return new Route(host(service), targets).withService(service).withRequestTimeout(requestTimeout);
    }

    /** A table that could not be published stays due, so a later change or retry still sends it. */
    private void publish() {
        unpublished = true;
        publisher.publish(RouteTable.of(new ArrayList<>(routes.values())));
        unpublished = false;
    }
}
