package dev.slipway.router;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A few counters per event loop, each row written only by its own loop and summed by whoever reads them. A loop
 * updates its row with plain arithmetic and a release store, so counting a request takes no atomic
 * instruction and touches one cache line no other loop writes.
 */
final class LoopCounters {

    /** Longs per loop: 128 bytes, so that no two loops' rows ever share a cache line. */
    private static final int STRIDE = 16;
    private static final VarHandle SLOTS = MethodHandles.arrayElementVarHandle(long[].class);

    private final int counters;
    private final long[] slots;

    LoopCounters(int loops, int counters) {
        if (counters > STRIDE) {
            throw new IllegalArgumentException("at most " + STRIDE + " counters");
        }
        this.counters = counters;
        this.slots = new long[loops * STRIDE];
    }

    /** Adds {@code delta} to {@code counter} of {@code loop}; call it only from that loop. */
    void add(int loop, int counter, long delta) {
        int slot = loop * STRIDE + counter;
        SLOTS.setRelease(slots, slot, slots[slot] + delta);
    }

    /** The sum of {@code counter} over all loops; any thread. */
    long sum(int counter) {
        if (counter >= counters) {
            throw new IndexOutOfBoundsException(counter);
        }
        long sum = 0;
        for (int slot = counter; slot < slots.length; slot += STRIDE) {
            sum += (long) SLOTS.getAcquire(slots, slot);
        }
        return sum;
    }
}
