package dev.slipway.platform.deployment;

import dev.slipway.platform.system.DaemonThreads;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * An overall limit on one step of a deployment (fetching the source, fetching models): when it
 * passes, the deployment's thread is interrupted and the step fails with a reason that names the
 * limit. Steps stuck in a read that ignores interrupts still end at their own no-progress timeouts.
 */
final class PhaseDeadline {

    private static final ScheduledExecutorService WATCHDOG =
            Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("deployment-deadlines-"));

    private static final int RUNNING = 0;
    private static final int DONE = 1;
    private static final int EXPIRED = 2;

    private PhaseDeadline() {
    }

    /**
     * Runs {@code step} on the calling thread, at most {@code limit} long.
     *
     * @throws DeploymentFailedException when the limit passed; {@code setting} names how to raise it
     */
    static <T> T within(Duration limit, String what, String setting, Supplier<T> step) {
        var thread = Thread.currentThread();
        var state = new AtomicInteger(RUNNING);
        var watchdog = WATCHDOG.schedule(() -> {
            // Only while the step runs: an interrupt after it returned would hit whatever comes next.
            if (state.compareAndSet(RUNNING, EXPIRED)) {
                thread.interrupt();
            }
        }, limit.toMillis(), TimeUnit.MILLISECONDS);
        try {
            var result = step.get();
            if (!state.compareAndSet(RUNNING, DONE)) {
                throw exceeded(what, limit, setting, null);
            }
            return result;
        } catch (RuntimeException e) {
            if (!state.compareAndSet(RUNNING, DONE)) {
                throw exceeded(what, limit, setting, e);
            }
            throw e;
        } finally {
            watchdog.cancel(false);
            if (state.get() == EXPIRED) {
                Thread.interrupted();
            }
        }
    }

    private static DeploymentFailedException exceeded(String what, Duration limit, String setting, Throwable cause) {
        return new DeploymentFailedException(what + " took longer than its limit of " + limit.toMinutes() + " min ("
                + setting + "); check that the source is reachable and not too large, or raise the limit", cause);
    }
}
