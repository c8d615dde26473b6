package dev.slipway.router;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.slf4j.LoggerFactory;

/**
 * The router as its own process: serves the routes of a state file and follows its changes, so routing
 * goes on while the control plane is down.
 *
 * <pre>java -jar slipway-router.jar --port 8000 --state FILE [--bind 0.0.0.0]</pre>
 *
 * Exit status 2 means the command line or the state file is wrong, 1 that the router could not start.
 */
public final class StandaloneRouter implements AutoCloseable {

    static final int EXIT_USAGE = 2;
    static final int EXIT_START_FAILED = 1;

    /** Thrown instead of exiting, so the startup logic can run inside tests. */
    static final class LaunchException extends Exception {
        private final int exitCode;

        LaunchException(int exitCode, String message) {
            super(message);
            this.exitCode = exitCode;
        }

        int exitCode() {
            return exitCode;
        }
    }

    private final Router router;
    private final StateFileWatcher watcher;

    private StandaloneRouter(Router router, StateFileWatcher watcher) {
        this.router = router;
        this.watcher = watcher;
    }

    /** Runs the router until the process is stopped; see the usage printed by {@code --help}. */
    public static void main(String[] args) {
        configureSimpleLogger();
        try {
            StandaloneRouter running = launch(args, StateFileWatcher.DEFAULT_INTERVAL);
            Runtime.getRuntime().addShutdownHook(new Thread(running::close, "slipway-router-shutdown"));
        } catch (LaunchException e) {
            PrintStream out = e.exitCode() == 0 ? System.out : System.err;
            out.println(e.getMessage());
            System.exit(e.exitCode());
        }
        // The router's event loop threads keep the process alive until it is stopped.
    }

    /** Parses the command line, loads the state file and starts the router and the file watcher. */
    static StandaloneRouter launch(String[] args, Duration pollInterval) throws LaunchException {
        StandaloneOptions options;
        try {
            options = StandaloneOptions.parse(args);
        } catch (StandaloneOptions.HelpRequested e) {
            throw new LaunchException(0, e.getMessage());
        } catch (StandaloneOptions.UsageException e) {
            throw new LaunchException(EXIT_USAGE, "error: " + e.getMessage() + "\n\n" + StandaloneOptions.USAGE);
        }
        Path file = options.stateFile();
        StateFileWatcher.Stamp stamp = StateFileWatcher.Stamp.of(file);
        RouteTable table = load(file);
        Router router;
        try {
            router = Router.start(options.router());
        } catch (IllegalStateException e) {
            throw new LaunchException(EXIT_START_FAILED, "error: " + e.getMessage());
        }
        router.publish(table);
        LoggerFactory.getLogger(StandaloneRouter.class)
                .info("Serving {} route(s) from {} on port {}", table.routes().size(), file, router.port());
        return new StandaloneRouter(router, new StateFileWatcher(file, stamp, pollInterval, router::publish));
    }

    private static RouteTable load(Path file) throws LaunchException {
        if (!Files.exists(file)) {
            LoggerFactory.getLogger(StandaloneRouter.class)
                    .warn("Route state file {} does not exist yet; serving no routes until it appears", file);
            return RouteTable.EMPTY;
        }
        try {
            return RouteStateFile.read(file);
        } catch (InvalidRouteStateException e) {
            throw new LaunchException(EXIT_USAGE, "error: " + e.getMessage() + "\nFix the route state file and start again.");
        } catch (IOException e) {
            throw new LaunchException(EXIT_USAGE, "error: cannot read route state file " + file + ": " + e);
        }
    }

    /** Timestamps and thread names for slf4j-simple, unless set on the command line. */
    private static void configureSimpleLogger() {
        System.setProperty("org.slf4j.simpleLogger.showDateTime",
                System.getProperty("org.slf4j.simpleLogger.showDateTime", "true"));
        System.setProperty("org.slf4j.simpleLogger.dateTimeFormat",
                System.getProperty("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd'T'HH:mm:ss.SSSXXX"));
    }

    /** The port the router listens on. */
    public int port() {
        return router.port();
    }

    Router router() {
        return router;
    }

    /** Stops watching the state file and closes the router. */
    @Override
    public void close() {
        watcher.close();
        router.close();
    }
}
