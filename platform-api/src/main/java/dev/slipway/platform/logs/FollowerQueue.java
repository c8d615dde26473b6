package dev.slipway.platform.logs;

import java.util.Iterator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands a log's lines to one {@link LogFollower} on an executor thread, in order, so that whoever
 * offers a line never waits for the follower. At most {@code capacity} lines wait; a follower that
 * falls further behind is dropped: the waiting lines are thrown away and it gets
 * {@link LogFollower#droppedBehind()}. Offers and {@link #end()} must come from one writer at a time.
 */
public final class FollowerQueue<T> implements LogSubscription {

    /** How many lines may wait for a follower before it counts as too far behind. */
    public static final int CAPACITY = 10_000;
    private static final Logger log = LoggerFactory.getLogger(FollowerQueue.class);

    private enum State { OPEN, ENDING, DROPPED, DONE }

    private final BlockingQueue<T> waiting;
    private final Executor executor;
    private final LogFollower<T> follower;
    private final AtomicReference<State> state = new AtomicReference<>(State.OPEN);
    private final AtomicBoolean delivering = new AtomicBoolean();
    private volatile Iterator<T> earlier;

    public FollowerQueue(int capacity, Executor executor, LogFollower<T> follower) {
        this.waiting = new LinkedBlockingQueue<>(capacity);
        this.executor = executor;
        this.follower = follower;
    }

    /** Starts delivering: first {@code earlierLines}, then what was offered before and after. */
    public void start(List<T> earlierLines) {
        earlier = earlierLines.iterator();
        schedule();
    }

    /** Queues a line for the follower, or drops the follower when too many lines wait. Never blocks. */
    public void offer(T line) {
        if (state.get() != State.OPEN) {
            return;
        }
        if (!waiting.offer(line) && state.compareAndSet(State.OPEN, State.DROPPED)) {
            waiting.clear();
        }
        schedule();
    }

    /** The log ended: the follower gets {@link LogFollower#ended()} after the lines that wait. */
    public void end() {
        state.compareAndSet(State.OPEN, State.ENDING);
        schedule();
    }

    @Override
    public void close() {
        state.set(State.DONE);
        waiting.clear();
    }

    private void schedule() {
        if (earlier == null || state.get() == State.DONE || !delivering.compareAndSet(false, true)) {
            return;
        }
        try {
            executor.execute(this::deliver);
        } catch (RejectedExecutionException e) {
            // Slipway is stopping.
            delivering.set(false);
            close();
        }
    }

    private void deliver() {
        try {
            deliverWhatWaits();
        } catch (RuntimeException e) {
            log.debug("Log follower failed; it is no longer followed", e);
            close();
        } finally {
            delivering.set(false);
        }
        // A line offered after the last poll but before delivering was cleared has no run to take it.
        var now = state.get();
        if (now != State.DONE && (now != State.OPEN || !waiting.isEmpty())) {
            schedule();
        }
    }

    private void deliverWhatWaits() {
        while (true) {
            var now = state.get();
            if (now == State.DONE) {
                return;
            }
            if (now == State.DROPPED) {
                if (state.compareAndSet(State.DROPPED, State.DONE)) {
                    follower.droppedBehind();
                }
                return;
            }
            var line = earlier.hasNext() ? earlier.next() : waiting.poll();
            if (line == null) {
                if (now == State.ENDING && state.compareAndSet(State.ENDING, State.DONE)) {
                    follower.ended();
                }
                return;
            }
            follower.line(line);
        }
    }
}
