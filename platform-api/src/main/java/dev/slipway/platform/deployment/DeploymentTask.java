package dev.slipway.platform.deployment;

import java.util.concurrent.CompletableFuture;

/**
 * A deployment asked for in this process, or taken from the queue: who follows it, who waits for
 * its result, and whether it may still be cancelled. Until it commits to moving traffic, a cancel
 * stops it (the thread running it is interrupted); afterwards, cancelling would leave the service
 * half switched, so it is refused.
 */
final class DeploymentTask {

    private final DeploymentListener listener;
    private final BranchUpdate branch;
    private final CompletableFuture<Deployment> result = new CompletableFuture<>();
    private Thread thread;
    private boolean cancelled;
    private boolean stopping;
    private boolean committed;
    private boolean finished;

    DeploymentTask(DeploymentListener listener, BranchUpdate branch) {
        this.listener = listener;
        this.branch = branch;
    }

    DeploymentListener listener() {
        return listener;
    }

    BranchUpdate branch() {
        return branch;
    }

    CompletableFuture<Deployment> result() {
        return result;
    }

    /** @return false when it was cancelled before it began */
    synchronized boolean begin(Thread runner) {
        if (cancelled) {
            return false;
        }
        thread = runner;
        return true;
    }

    /** @return false when too late: finished, or committed to moving traffic */
    synchronized boolean cancel() {
        if (committed || finished) {
            return false;
        }
        cancelled = true;
        if (thread != null) {
            thread.interrupt();
        }
        return true;
    }

    synchronized boolean cancelled() {
        return cancelled;
    }

    /** Slipway is stopping: a deployment that has not moved traffic yet is interrupted and fails. */
    synchronized void stopForShutdown() {
        if (committed || finished) {
            return;
        }
        stopping = true;
        if (thread != null) {
            thread.interrupt();
        }
    }

    synchronized boolean stopping() {
        return stopping;
    }

    /** @return false when it was cancelled first */
    synchronized boolean commit() {
        if (cancelled) {
            return false;
        }
        committed = true;
        return true;
    }

    /** It ended: no cancel reaches its thread any more. */
    synchronized void end() {
        finished = true;
        thread = null;
    }
}
