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
 * Which instance serves each service, published to the router as one snapshot on every change.
 * A service named {@code hello} is served at {@code hello.<apps domain>}.
 */
@Component
public class ServiceRoutes {

    private final RouteTablePublisher publisher;
    private final String appsDomain;
    private final int routerPort;
    private final Map<String, Route> routes = new TreeMap<>();

    ServiceRoutes(RouteTablePublisher publisher, SlipwayProperties properties) {
        this.publisher = publisher;
        this.appsDomain = properties.appsDomain().toLowerCase(Locale.ROOT);
        this.routerPort = publisher.port();
    }

    /**
     * Sends every new request for the service to {@code address}, waiting at most
     * {@code requestTimeout} for the app to start answering; returns once the router follows.
     */
    public synchronized void route(String service, String address, Duration requestTimeout) {
        routes.put(service, new Route(host(service), List.of(new Target(address, Target.FULL_WEIGHT)))
                .withService(service).withRequestTimeout(requestTimeout));
        publish();
    }

    /** Stops routing the service: its host answers 404 from now on. */
    public synchronized void unroute(String service) {
        if (routes.remove(service) != null) {
            publish();
        }
    }

    /** Waits until requests in flight to an instance that no longer gets traffic have finished. */
    public boolean awaitDrained(String address, Duration timeout) throws InterruptedException {
        return publisher.awaitDrained(address, timeout);
    }

    /** The port the router serves apps on. */
    public int routerPort() {
        return routerPort;
    }

    public String host(String service) {
        return service + "." + appsDomain;
    }

    public String url(String service) {
        return "http://" + host(service) + (routerPort == 80 ? "" : ":" + routerPort) + "/";
    }

    private void publish() {
        publisher.publish(RouteTable.of(new ArrayList<>(routes.values())));
    }
}
