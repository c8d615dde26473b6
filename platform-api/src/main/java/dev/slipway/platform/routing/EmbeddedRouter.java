package dev.slipway.platform.routing;

import dev.slipway.platform.system.SlipwayProperties;
import dev.slipway.router.InvalidRouteStateException;
import dev.slipway.router.RouteStateFile;
import dev.slipway.router.RouteTable;
import dev.slipway.router.Router;
import dev.slipway.router.RouterOptions;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The router inside Slipway's own process ({@code SLIPWAY_ROUTER=embedded}): it stops when Slipway stops.
 * It keeps the route state file {@code router/routes.json} as the router process does, so a restarted
 * Slipway serves its known services at once, and records its metrics in a registry of its own.
 */
final class EmbeddedRouter implements RouteTablePublisher {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedRouter.class);

    private final Router router;
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Path stateFile;

    EmbeddedRouter(SlipwayProperties.Router settings, Path directory) throws UnknownHostException {
        this.stateFile = directory.resolve(RouterLauncher.STATE_FILE);
        RouteTable saved = load(stateFile);
        try {
            this.router = Router.start(RouterClientOptions.of(settings).applyTo(RouterOptions.onPort(settings.port()))
                    .withBindAddress(InetAddress.getByName(settings.bind()))
                    .withMeterRegistry(registry));
        } catch (RuntimeException e) {
            registry.close();
            throw e;
        }
        router.publish(saved);
        log.info("Router listening on {}:{} inside Slipway, serving {} saved route(s)", settings.bind(), router.port(),
                saved.routes().size());
    }

    @Override
    public int port() {
        return router.port();
    }

    @Override
    public RouteTable current() {
        return router.routes();
    }

    @Override
    public String metrics() {
        return registry.scrape();
    }

    /** Serves the table, then saves it for the next start. */
    @Override
    public synchronized void publish(RouteTable table) {
        router.publish(table);
        try {
            RouteStateFile.write(stateFile, table);
        } catch (IOException e) {
            log.warn("Cannot save the routes to {} ({}); after a restart Slipway serves older routes until it "
                    + "publishes again", stateFile, e.toString());
        }
    }

    @Override
    public boolean awaitDrained(String address, Duration timeout) throws InterruptedException {
        return router.awaitDrained(address, timeout);
    }

    @Override
    public Map<String, ServiceTraffic> traffic() {
        var traffic = new HashMap<String, ServiceTraffic>();
        router.load().forEach((service, load) ->
                traffic.put(service, new ServiceTraffic(load.requests(), load.inFlight(), load.queued(),
                        load.inFlightByTarget())));
        return traffic;
    }

    @Override
    public Demand awaitDemand(long after, Duration timeout) throws InterruptedException {
        var demand = router.awaitDemand(after, timeout);
        return new Demand(demand.generation(), demand.services());
    }

    @Override
    public void close() {
        router.close();
        registry.close();
    }

    private static RouteTable load(Path file) {
        try {
            return RouteStateFile.read(file);
        } catch (NoSuchFileException e) {
            return RouteTable.EMPTY;
        } catch (IOException | InvalidRouteStateException e) {
            log.warn("Cannot read the saved routes {} ({}); serving none until Slipway publishes them again",
                    file, e.getMessage());
            return RouteTable.EMPTY;
        }
    }
}
