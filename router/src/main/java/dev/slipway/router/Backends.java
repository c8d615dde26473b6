package dev.slipway.router;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Every {@link Backend} of one router by address, and the waiting for in-flight counts to reach zero.
 * Publishing threads add and retire backends; event loops only count, and touch the waiters' monitor only
 * when a count drops to zero while someone waits.
 */
final class Backends {

    private final ConcurrentHashMap<String, Backend> byAddress = new ConcurrentHashMap<>();
    private final AtomicInteger waiters = new AtomicInteger();
    private final Object drained = new Object();

    /**
     * The backends of a new table, reusing those already known so their counts and health carry over, with
     * each address looked up again. Backends outside {@code addresses} are marked retired; every backend forgets
     * its queues until the new table's are set.
     */
    Map<String, Backend> adopt(Set<String> addresses) {
        Map<String, Backend> adopted = new HashMap<>();
        for (String address : addresses) {
            InetSocketAddress resolved = TargetAddress.parse(address).resolve();
            Backend backend = byAddress.computeIfAbsent(address, key -> new Backend(key, resolved, this));
            backend.socket(resolved);
            backend.retired(false);
            adopted.put(address, backend);
        }
        byAddress.forEach((address, backend) -> {
            backend.retired(!addresses.contains(address));
            backend.queues(RouteQueue.NONE);
        });
        return Map.copyOf(adopted);
    }

    /**
     * Drops retired backends with nothing in flight. Call only after every event loop has seen the table
     * holding {@code current}: from then on no loop starts counting such a backend.
     */
    void forgetIdle(Set<String> current) {
        byAddress.forEach((address, backend) -> {
            if (backend.inFlight() == 0 && !current.contains(address)) {
                byAddress.remove(address, backend);
            }
        });
    }

    int inFlight(String address) {
        Backend backend = byAddress.get(address);
        return backend == null ? 0 : backend.inFlight();
    }

    /** Waits until nothing is in flight to {@code address}; false when {@code timeout} passed first. */
    boolean awaitZero(String address, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        waiters.incrementAndGet();
        try {
            synchronized (drained) {
                while (inFlight(address) > 0) {
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

    void reachedZero() {
        if (waiters.get() > 0) {
            synchronized (drained) {
                drained.notifyAll();
            }
        }
    }
}
