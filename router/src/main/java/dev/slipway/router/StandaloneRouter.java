package dev.slipway.router;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * The router as its own process: serves the routes of a state file, follows its changes, and optionally
 * takes new routes on a token-protected control port, rewriting the file each time. It never depends on the
 * control plane: while that is down, the last routes keep being served, also across restarts.
 *
 * <pre>java -jar slipway-router.jar --port 8000 --state FILE [--control-port 8001]</pre>
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
    private final ControlServer control;
    private final OutputStream accessLog;
    private final PrometheusMeterRegistry registry;

    private StandaloneRouter(Router router, StateFileWatcher watcher, ControlServer control, OutputStream accessLog,
                             PrometheusMeterRegistry registry) {
        this.router = router;
        this.watcher = watcher;
        this.control = control;
        this.accessLog = accessLog;
        this.registry = registry;
    }

    /** Runs the router until the process is stopped; see the usage printed by {@code --help}. */
    public static void main(String[] args) {
        configureSimpleLogger();
        try {
            StandaloneRouter running = launch(args, System.getenv(), StateFileWatcher.DEFAULT_INTERVAL);
            Runtime.getRuntime().addShutdownHook(new Thread(running::close, "slipway-router-shutdown"));
        } catch (LaunchException e) {
            PrintStream out = e.exitCode() == 0 ? System.out : System.err;
            out.println(e.getMessage());
            System.exit(e.exitCode());
        }
        // The router's event loop threads keep the process alive until it is stopped.
    }

    /** Parses the command line, loads the state file and starts the router, the file watcher and the control port. */
    static StandaloneRouter launch(String[] args, Map<String, String> environment, Duration pollInterval)
            throws LaunchException {
        StandaloneOptions options;
        try {
            options = StandaloneOptions.parse(environment, args);
        } catch (StandaloneOptions.HelpRequested e) {
            throw new LaunchException(0, e.getMessage());
        } catch (StandaloneOptions.UsageException e) {
            throw new LaunchException(EXIT_USAGE, "error: " + e.getMessage() + "\n\n" + StandaloneOptions.USAGE);
        }
        Path file = options.stateFile();
        StateFileWatcher.Stamp stamp = StateFileWatcher.Stamp.of(file);
        RouteTable table = load(file);
        OutputStream accessLog = openAccessLog(options.accessLog());
        // Only the control port serves metrics; without it, requests record none.
        PrometheusMeterRegistry registry = options.control() == null ? null
                : new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        Router router;
        try {
            router = Router.start(options.router().withAccessLog(accessLog).withMeterRegistry(registry));
        } catch (IllegalStateException e) {
            closeQuietly(registry);
            closeQuietly(accessLog);
            throw new LaunchException(EXIT_START_FAILED, "error: " + e.getMessage());
        }
        router.publish(table);
        StateFileWatcher watcher = new StateFileWatcher(file, stamp, pollInterval, router::publish);
        ControlServer control = null;
        if (options.control() != null) {
            try {
                control = ControlServer.start(options.control(),
                        new ControlApi(router, watcher, registry, options.control().token()));
            } catch (IOException e) {
                watcher.close();
                router.close();
                closeQuietly(registry);
                closeQuietly(accessLog);
                throw new LaunchException(EXIT_START_FAILED, "error: cannot listen for the control API on "
                        + options.control().bind().getHostAddress() + ":" + options.control().port() + " (" + e + ")");
            }
        }
        LoggerFactory.getLogger(StandaloneRouter.class)
                .info("Serving {} route(s) from {} on port {}", table.routes().size(), file, router.port());
        return new StandaloneRouter(router, watcher, control, accessLog, registry);
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

    /** The access log's stream, or null when it is off. Standard output is never closed. */
    private static OutputStream openAccessLog(String target) throws LaunchException {
        if (target.equals(StandaloneOptions.OFF)) {
            return null;
        }
        if (target.equals(StandaloneOptions.STDOUT)) {
            return new StandardOutput();
        }
        try {
            Path file = Path.of(target);
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            return Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException | RuntimeException e) {
            throw new LaunchException(EXIT_USAGE, "error: cannot open access log " + target + ": " + e);
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

    /** The port of the control API, or -1 when it is off. */
    int controlPort() {
        return control == null ? -1 : control.port();
    }

    Router router() {
        return router;
    }

    /** Stops the control port and the file watcher, then closes the router and its access log. */
    @Override
    public void close() {
        if (control != null) {
            control.close();
        }
        watcher.close();
        router.close();
        closeQuietly(registry);
        closeQuietly(accessLog);
    }

    /** Standard output without buffering of its own, which closing leaves open. */
    private static final class StandardOutput extends OutputStream {
        private final FileOutputStream out = new FileOutputStream(FileDescriptor.out);

        @Override
        public void write(int b) throws IOException {
            out.write(b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
        }
    }

    private static void closeQuietly(PrometheusMeterRegistry registry) {
        if (registry != null) {
            registry.close();
        }
    }

    private static void closeQuietly(OutputStream stream) {
        if (stream == null) {
            return;
        }
        try {
            stream.close();
        } catch (IOException e) {
            // closing is best effort
        }
    }
}
