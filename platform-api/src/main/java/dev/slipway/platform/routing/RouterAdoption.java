package dev.slipway.platform.routing;

import dev.slipway.platform.system.FreePorts;
import dev.slipway.platform.system.SlipwayProperties;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the router an earlier Slipway started for this home directory and adopts it, or starts a new one.
 * A recorded router is adopted only when its process still runs (same id and start time), answers on its
 * control port with Slipway's token, and listens where the settings say; a recorded router that fails the
 * last two is stopped and replaced. Ports set to 0 are chosen once and then kept in the record, so every
 * later start uses the same ones.
 */
final class RouterAdoption {

    /** How long a recorded router may take to answer before it is replaced. */
    private static final Duration HEALTH_GRACE = Duration.ofSeconds(5);
    private static final Logger log = LoggerFactory.getLogger(RouterAdoption.class);

    private RouterAdoption() {
    }

    /** A supervisor watching the adopted or newly started router of {@code directory}. */
    static RouterSupervisor adoptOrStart(SlipwayProperties.Router settings, Path directory, String token) {
        Path recordFile = directory.resolve(RouterRecord.FILE_NAME);
        Optional<RouterRecord> recorded = RouterRecord.read(recordFile);
        RouterClientOptions clients = RouterClientOptions.of(settings);
        RouterLauncher launcher = new RouterLauncher(directory, settings.bind(), token, clients);
        Optional<ProcessHandle> running = recorded.flatMap(RouterRecord::process);
        if (running.isPresent()) {
            RouterRecord router = recorded.get();
            RouterControl control = new RouterControl(router.controlPort(), token);
            String unfit = unfit(router, settings, clients, control);
            if (unfit == null) {
                RouterSupervisor supervisor = new RouterSupervisor(launcher, control, recordFile, router.bind(), router.port());
                supervisor.adopt(running.get());
                log.info("Adopted the router that was already running (pid {}), serving apps on port {}",
                        router.pid(), router.port());
                return supervisor;
            }
            log.warn("Stopping the router left running (pid {}): {}", router.pid(), unfit);
            stop(running.get());
        }
        int port = port(settings.port(), recorded.map(RouterRecord::port), settings.bind());
        int controlPort = port(settings.controlPort(), recorded.map(RouterRecord::controlPort), "127.0.0.1");
        while (controlPort == port && settings.controlPort() == 0) {
            controlPort = freePort("127.0.0.1");
        }
        RouterSupervisor supervisor = new RouterSupervisor(launcher, new RouterControl(controlPort, token),
                recordFile, settings.bind(), port);
        try {
            supervisor.start();
        } catch (IOException | RuntimeException e) {
            supervisor.close();
            throw e instanceof RouterUnavailableException unavailable ? unavailable
                    : new RouterUnavailableException("Cannot start the router: " + e.getMessage(), e);
        }
        log.info("Started the router (pid {}) on {}:{} with its control API on 127.0.0.1:{}; it keeps serving "
                        + "while Slipway restarts, and `make stop` stops it (log: {})", supervisor.current().pid(),
                settings.bind(), port, controlPort, launcher.logFile());
        return supervisor;
    }

    /** Why a running recorded router cannot be adopted, or null when it can. */
    private static String unfit(RouterRecord router, SlipwayProperties.Router settings, RouterClientOptions clients,
                                RouterControl control) {
        if (!router.bind().equals(settings.bind())
                || (settings.port() != 0 && settings.port() != router.port())
                || (settings.controlPort() != 0 && settings.controlPort() != router.controlPort())) {
            return "it listens on " + router.bind() + ":" + router.port() + " with control port "
                    + router.controlPort() + ", but the settings ask for " + settings.bind() + ":"
                    + settings.port() + " with control port " + settings.controlPort();
        }
        if (!clients.arguments().equals(router.options())) {
            return "it was started with the client options " + router.options() + ", but the settings ask for "
                    + clients.arguments();
        }
        // A router launched moments ago by a Slipway that then stopped may still be starting.
        long deadline = System.nanoTime() + HEALTH_GRACE.toNanos();
        while (control.health().isEmpty()) {
            if (System.nanoTime() - deadline > 0) {
                return "it does not answer on control port " + router.controlPort() + " with Slipway's token";
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "Slipway was interrupted while asking it";
            }
        }
        return null;
    }

    private static void stop(ProcessHandle router) {
        router.destroy();
        try {
            router.onExit().get(10, TimeUnit.SECONDS);
        } catch (TimeoutException | ExecutionException e) {
            router.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            router.destroyForcibly();
        }
    }

    /** The configured port, else the one recorded if it is still free, else a free one. */
    private static int port(int configured, Optional<Integer> recorded, String bind) {
        if (configured != 0) {
            return configured;
        }
        return recorded.filter(port -> isFree(bind, port)).orElseGet(() -> freePort(bind));
    }

    private static boolean isFree(String bind, int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName(bind))) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** A port free now on {@code bind}; the router binds it moments later. */
    private static int freePort(String bind) {
        try {
            return FreePorts.on(InetAddress.getByName(bind));
        } catch (IOException e) {
            throw new RouterUnavailableException("Cannot find a free port on " + bind + " for the router (" + e
                    + "); set SLIPWAY_ROUTER_PORT and SLIPWAY_ROUTER_CONTROL_PORT.", e);
        }
    }
}
