package dev.slipway.router;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Requests in flight per target address. Event loops count up and down; control-plane threads read the
 * counts and wait for one to reach zero. A loop only touches the waiters' monitor when a count drops to
 * zero while someone waits.
 */
final class InFlightCounts {

    private final ConcurrentHashMap<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    private final AtomicInteger waiters = new AtomicInteger();
    private final Object drained = new Object();

    void increment(String address) {
        counts.computeIfAbsent(address, key -> new AtomicInteger()).incrementAndGet();
    }

    void decrement(String address) {
        AtomicInteger count = counts.get(address);
        if (count.decrementAndGet() == 0 && waiters.get() > 0) {
            synchronized (drained) {
                drained.notifyAll();
            }
        }
    }

    int get(String address) {
        AtomicInteger count = counts.get(address);
        return count == null ? 0 : count.get();
    }

    /** Waits until the count of {@code address} is zero; false when {@code timeout} passed first. */
    boolean awaitZero(String address, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        waiters.incrementAndGet();
        try {
            synchronized (drained) {
                while (get(address) > 0) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        return false;
                    }
                    TimeUnit.NANOSECONDS.timedWait(drained, left);
                }
                return true;
            }
        } finally {
            waiters.decrementAndGet();
        }
    }

    /** Threads now in {@link #awaitZero}. */
    int waiters() {
        return waiters.get();
    }

    /**
     * Drops zero counters of addresses outside {@code current}. Call only after every event loop has seen
     * the table holding {@code current}: from then on no loop starts counting such an address.
     */
    void forgetIdle(Set<String> current) {
        counts.forEach((address, count) -> {
            if (count.get() == 0 && !current.contains(address)) {
                counts.remove(address, count);
            }
        });
    }
}
