package dev.slipway.platform.deployment;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * An overall limit on one step of a deployment (fetching the source, fetching models): when it
 * passes, the deployment's thread is interrupted and the step fails with a reason that names the
 * limit. Steps stuck in a read that ignores interrupts still end at their own no-progress timeouts.
 */
final class PhaseDeadline {

    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
        var thread = new Thread(r, "deployment-deadlines");
        thread.setDaemon(true);
        return thread;
    });

    private PhaseDeadline() {
    }

    /**
     * Runs {@code step} on the calling thread, at most {@code limit} long.
     *
     * @throws DeploymentFailedException when the limit passed; {@code setting} names how to raise it
     */
    static <T> T within(Duration limit, String what, String setting, Supplier<T> step) {
        var thread = Thread.currentThread();
        var expired = new AtomicBoolean();
        var watchdog = WATCHDOG.schedule(() -> {
            expired.set(true);
            thread.interrupt();
        }, limit.toMillis(), TimeUnit.MILLISECONDS);
        try {
            var result = step.get();
            if (expired.get()) {
                throw exceeded(what, limit, setting, null);
            }
            return result;
        } catch (RuntimeException e) {
            if (expired.get()) {
                throw exceeded(what, limit, setting, e);
            }
            throw e;
        } finally {
            watchdog.cancel(false);
            if (expired.get()) {
                Thread.interrupted();
            }
        }
    }

    private static DeploymentFailedException exceeded(String what, Duration limit, String setting, Throwable cause) {
        return new DeploymentFailedException(what + " took longer than its limit of " + limit.toMinutes() + " min ("
                + setting + "); check that the source is reachable and not too large, or raise the limit", cause);
    }
}
