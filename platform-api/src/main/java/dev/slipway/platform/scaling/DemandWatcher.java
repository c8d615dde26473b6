package dev.slipway.platform.scaling;

import dev.slipway.platform.routing.ServiceRoutes;
import dev.slipway.platform.system.DaemonThreads;
import java.time.Duration;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Waits on the router for requests to services scaled to zero and wakes each such service the moment
 * one arrives, rather than on the autoscaler's next tick: a cold start begins within milliseconds.
 */
final class DemandWatcher implements AutoCloseable {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Duration AFTER_FAILURE = Duration.ofSeconds(1);
    private static final Logger log = LoggerFactory.getLogger(DemandWatcher.class);

    private final ServiceRoutes routes;
    private final Consumer<String> wake;
    private final Thread thread;

    DemandWatcher(ServiceRoutes routes, Consumer<String> wake) {
        this.routes = routes;
        this.wake = wake;
        this.thread = DaemonThreads.named("demand-").newThread(this::watch);
    }

    void start() {
        thread.start();
    }

    private void watch() {
        long after = 0;
        while (!Thread.currentThread().isInterrupted()) {
            try {
                var demand = routes.awaitDemand(after, WAIT);
                // A restarted router counts from 0 again; the autoscaler's tick wakes what waits meanwhile.
                after = demand.generation();
                demand.services().forEach(wake);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                log.warn("Could not ask the router for requests to services scaled to zero; the autoscaler still "
                        + "looks every second: {}", e.toString());
                try {
                    Thread.sleep(AFTER_FAILURE.toMillis());
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    @Override
    public void close() {
        thread.interrupt();
    }
}
