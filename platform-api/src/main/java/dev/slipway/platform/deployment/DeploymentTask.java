package dev.slipway.platform.deployment;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * A queued or running deployment and whether it may still be cancelled: until it commits to moving
 * traffic, a cancel stops it; afterwards, cancelling would leave the service half switched, so it
 * is refused.
 */
final class DeploymentTask {

    private final CompletableFuture<Deployment> result = new CompletableFuture<>();
    private Future<?> future;
    private boolean started;
    private boolean cancelled;
    private boolean committed;

    synchronized void submitTo(ExecutorService queue, Supplier<Deployment> work) {
        future = queue.submit(() -> {
            synchronized (this) {
                if (cancelled) {
                    return;
                }
                started = true;
            }
            try {
                result.complete(work.get());
            } catch (RuntimeException | Error e) {
                result.completeExceptionally(e);
            } finally {
                Thread.interrupted(); // a late cancel must not leak into the queue's next deployment
            }
        });
    }

    CompletableFuture<Deployment> result() {
        return result;
    }

    /** @return false when too late: finished, or committed to moving traffic */
    synchronized boolean cancel() {
        if (committed || result.isDone()) {
            return false;
        }
        cancelled = true;
        future.cancel(true);
        return true;
    }

    synchronized boolean neverStarted() {
        return cancelled && !started;
    }

    synchronized boolean cancelled() {
        return cancelled;
    }

    /** @return false when it was cancelled first */
    synchronized boolean commit() {
        if (cancelled) {
            return false;
        }
        committed = true;
        return true;
    }
}
