package dev.slipway.platform.routing;

import dev.slipway.platform.system.DaemonThreads;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one router process running on fixed ports: notices when it exits and starts it again, at once the
 * first time and with a growing wait while it keeps dying ({@link RouterRestarts}). The restarted router
 * loads the last routes from its state file. Closing stops the watching, not the router.
 */
final class RouterSupervisor implements AutoCloseable {

    static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    /**
     * How often a router Slipway did not start itself is checked: for a process that is not its child, the
     * JDK's {@code ProcessHandle.onExit} polls at up to 5 s intervals.
     */
    private static final Duration ADOPTED_POLL = Duration.ofMillis(200);
    private static final Logger log = LoggerFactory.getLogger(RouterSupervisor.class);

    private final RouterLauncher launcher;
    private final RouterControl control;
    private final Path recordFile;
    private final String bind;
    private final int port;
    private final RouterRestarts backoff = new RouterRestarts();
    private final ScheduledExecutorService executor =
            Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("slipway-router-supervisor-"));
    private volatile ProcessHandle current;
    private volatile Instant upSince;
    private volatile boolean closed;

    RouterSupervisor(RouterLauncher launcher, RouterControl control, Path recordFile, String bind, int port) {
        this.launcher = launcher;
        this.control = control;
        this.recordFile = recordFile;
        this.bind = bind;
        this.port = port;
    }

    /** Watches a router that already runs. */
    void adopt(ProcessHandle router) {
        watch(router);
        executor.schedule(() -> pollAdopted(router), ADOPTED_POLL.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Starts the router, waits until it answers and watches it.
     *
     * @throws RouterUnavailableException when it does not start; the message says why
     */
    void start() throws IOException {
        // Recorded at once, so a Slipway stopped while the router starts still finds it next time.
        Process process = launcher.start(port, control.port(), control, START_TIMEOUT, router -> {
            RouterRecord.of(router, bind, port, control.port(), launcher.clients().arguments()).write(recordFile);
            watch(router);
        });
        process.onExit().thenRun(() -> exited(process.toHandle(), " with status " + process.exitValue()));
    }

    /** The port the router serves apps on. */
    int port() {
        return port;
    }

    RouterControl control() {
        return control;
    }

    Path stateFile() {
        return launcher.stateFile();
    }

    /** The router process watched now. */
    ProcessHandle current() {
        return current;
    }

    private void watch(ProcessHandle router) {
        current = router;
        upSince = Instant.now();
    }

    private void pollAdopted(ProcessHandle router) {
        if (!router.isAlive() || exitedUnreaped(router)) {
            exited(router, "");
        } else if (!closed) {
            executor.schedule(() -> pollAdopted(router), ADOPTED_POLL.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void exited(ProcessHandle router, String status) {
        if (closed || !router.equals(current)) {
            return;
        }
        Duration up = Duration.between(upSince, Instant.now());
        Duration wait = backoff.next(up);
        log.warn("The router (pid {}) exited{} after {} s; starting it again {}", router.pid(), status,
                up.toSeconds(), wait.isZero() ? "now" : "in " + wait.toSeconds() + " s");
        executor.schedule(this::restart, wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void restart() {
        if (closed) {
            return;
        }
        long began = System.nanoTime();
        try {
            start();
            log.info("The router (pid {}) serves again, {} ms after it was started", current.pid(),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began));
        } catch (IOException | RuntimeException e) {
            if (closed) {
                return;
            }
            Duration wait = backoff.next(Duration.ZERO);
            log.error("Cannot start the router; trying again in {} s. {}", wait.toSeconds(), e.getMessage());
            executor.schedule(this::restart, wait.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Whether the process has exited but its parent has not reaped it yet: a router that outlived the
     * Slipway that started it belongs to init, which may take seconds to reap it, and until then the JDK
     * reports it alive.
     */
    private static boolean exitedUnreaped(ProcessHandle router) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(router.pid()), "stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2) == 'Z';
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Stops watching; the router keeps running, to be adopted by the next Slipway. */
    @Override
    public void close() {
        closed = true;
        executor.shutdownNow();
    }
}
