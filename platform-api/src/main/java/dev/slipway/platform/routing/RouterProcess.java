package dev.slipway.platform.routing;

import dev.slipway.platform.system.SlipwayProperties;
import dev.slipway.router.InvalidRouteStateException;
import dev.slipway.router.RouteStateFile;
import dev.slipway.router.RouteTable;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The router as an OS process of its own, reached through its control API on loopback and its state file
 * {@code router/routes.json}. Supervised ({@code SLIPWAY_ROUTER=process}), Slipway adopts the router an
 * earlier start left running, or starts one, and starts it again whenever it exits; external
 * ({@code SLIPWAY_ROUTER=external}), someone else runs it (e.g. systemd) and Slipway only talks to it.
 * While the router is down, routes go to the state file, which it serves when it is back.
 */
public final class RouterProcess implements RouteTablePublisher {

    /** How long a publish waits for a router that is down to come back, after writing the state file. */
    private static final Duration PUBLISH_RETRY = Duration.ofSeconds(3);
    private static final Duration RETRY_INTERVAL = Duration.ofMillis(100);
    private static final Logger log = LoggerFactory.getLogger(RouterProcess.class);

    private final RouterControl control;
    private final Path stateFile;
    private final int port;
    private final RouterSupervisor supervisor;

    private RouterProcess(RouterControl control, Path stateFile, int port, RouterSupervisor supervisor) {
        this.control = control;
        this.stateFile = stateFile;
        this.port = port;
        this.supervisor = supervisor;
    }

    /** Adopts or starts the router of {@code directory} and keeps it running. */
    static RouterProcess supervised(SlipwayProperties.Router settings, Path directory, Map<String, String> environment) {
        String token = ControlToken.forProcess(directory, environment);
        RouterSupervisor supervisor = RouterAdoption.adoptOrStart(settings, directory, token);
        return new RouterProcess(supervisor.control(), supervisor.stateFile(), supervisor.port(), supervisor);
    }

    /** Talks to a router someone else runs, on {@code settings.controlPort()}; never starts one. */
    static RouterProcess external(SlipwayProperties.Router settings, Path directory, Map<String, String> environment) {
        RouterControl control = new RouterControl(settings.controlPort(), ControlToken.forExternal(directory, environment));
        OptionalInt served = control.health();
        if (served.isEmpty()) {
            log.warn("The router does not answer on control port {} (or refuses the token); routes go to {} until "
                    + "it does. Start it (see deploy/systemd/README.md) or set SLIPWAY_ROUTER_CONTROL_PORT.",
                    settings.controlPort(), directory.resolve(RouterLauncher.STATE_FILE));
        }
        return new RouterProcess(control, directory.resolve(RouterLauncher.STATE_FILE),
                served.orElse(settings.port()), null);
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public RouteTable current() {
        try {
            return control.routes();
        } catch (IOException e) {
            log.debug("Reading the routes from {}, as the router does not answer: {}", stateFile, e.toString());
        }
        try {
            return RouteStateFile.read(stateFile);
        } catch (NoSuchFileException e) {
            return RouteTable.EMPTY;
        } catch (IOException | InvalidRouteStateException e) {
            log.warn("Cannot read the route state file {}: {}", stateFile, e.getMessage());
            return RouteTable.EMPTY;
        }
    }

    /**
     * Hands the table to the router; when it is down, writes the state file (which it serves when it is
     * back) and gives it a few seconds to come back and take the table directly.
     */
    @Override
    public synchronized void publish(RouteTable table) {
        IOException failure;
        try {
            control.putRoutes(table);
            return;
        } catch (IOException e) {
            failure = e;
        }
        try {
            RouteStateFile.write(stateFile, table);
        } catch (IOException e) {
            throw new RouterUnavailableException("The router does not answer on control port " + control.port() + " ("
                    + failure.getMessage() + ") and its state file " + stateFile + " cannot be written (" + e
                    + "); the routes are unchanged. Make " + stateFile.getParent() + " writable.", e);
        }
        long deadline = System.nanoTime() + PUBLISH_RETRY.toNanos();
        while (System.nanoTime() - deadline < 0 && pause(RETRY_INTERVAL)) {
            try {
                control.putRoutes(table);
                return;
            } catch (IOException e) {
                failure = e;
            }
        }
        log.warn("The router does not answer on control port {} ({}); wrote {} route(s) to {}, which it serves "
                + "once it is back", control.port(), failure.getMessage(), table.routes().size(), stateFile);
    }

    /** Asks the router; while it is down, asks again until the timeout (a restarted router has nothing in flight). */
    @Override
    public boolean awaitDrained(String address, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Duration remaining = Duration.ofNanos(deadline - System.nanoTime());
            if (remaining.isNegative() || remaining.isZero()) {
                return false;
            }
            try {
                return control.drained(address, remaining);
            } catch (IOException e) {
                Thread.sleep(Math.max(1, Math.min(RETRY_INTERVAL.toMillis(), remaining.toMillis())));
            }
        }
    }

    @Override
    public Map<String, ServiceTraffic> traffic() {
        try {
            return control.load();
        } catch (IOException e) {
            return Map.of();
        }
    }

    /** Asks the router; while it is down, asks again until the timeout. */
    @Override
    public Demand awaitDemand(long after, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Duration remaining = Duration.ofNanos(deadline - System.nanoTime());
            if (remaining.isNegative() || remaining.isZero()) {
                return new Demand(after, java.util.Set.of());
            }
            try {
                return control.demand(after, remaining);
            } catch (IOException e) {
                Thread.sleep(Math.max(1, Math.min(RETRY_INTERVAL.toMillis(), remaining.toMillis())));
            }
        }
    }

    @Override
    public String metrics() {
        try {
            return control.metrics();
        } catch (IOException e) {
            return "";
        }
    }

    /** The router process Slipway watches, or null for an external router. */
    ProcessHandle process() {
        return supervisor == null ? null : supervisor.current();
    }

    /** Stops watching the router; it keeps running and serving. */
    @Override
    public void close() {
        if (supervisor != null) {
            supervisor.close();
        }
    }

    private static boolean pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
