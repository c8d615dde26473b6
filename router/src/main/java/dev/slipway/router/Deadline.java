package dev.slipway.router;

import io.netty.util.concurrent.EventExecutor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The one pending timeout of a client connection's current exchange, which is set for every request and
 * almost never reached. Setting it only stores the time and the action while the task already scheduled
 * fires no later; that task, when it fires early, schedules itself again for the stored time. So a
 * keep-alive connection whose requests all have the same timeout schedules about one task per timeout
 * period instead of scheduling and cancelling one per request. Runs on the connection's event loop.
 */
final class Deadline implements Runnable {

    private final EventExecutor executor;
    private ScheduledFuture<?> task;
    private long taskDue;
    private long due;
    private Runnable action;

    Deadline(EventExecutor executor) {
        this.executor = executor;
    }

    /** Runs {@code action} at {@code dueNanos} ({@link System#nanoTime()}), replacing any earlier setting. */
    void set(long dueNanos, Runnable action) {
        this.due = dueNanos;
        this.action = action;
        if (task == null || dueNanos - taskDue < 0) {
            cancelTask();
            schedule(dueNanos);
        }
    }

    /** Forgets the action if {@code owner} set it; a stale owner cannot clear its successor's deadline. */
    void clear(Runnable owner) {
        if (action == owner) {
            action = null;
        }
    }

    /** The connection closed: nothing is pending any more. */
    void close() {
        action = null;
        cancelTask();
    }

    @Override
    public void run() {
        task = null;
        Runnable pending = action;
        if (pending == null) {
            return;
        }
        long left = due - System.nanoTime();
        if (left > 0) {
            schedule(due);
            return;
        }
        action = null;
        pending.run();
    }

    private void schedule(long dueNanos) {
        taskDue = dueNanos;
        task = executor.schedule(this, dueNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
    }

    private void cancelTask() {
        if (task != null) {
            task.cancel(false);
            task = null;
        }
    }
}
