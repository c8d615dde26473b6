package dev.slipway.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class LoopCountersTest {

    @Test
    void sumsEachCounterOverTheRowsThatLoopsWriteConcurrently() throws Exception {
        LoopCounters counters = new LoopCounters(2, 2);
        CountDownLatch start = new CountDownLatch(1);
        Thread[] loops = new Thread[2];
        for (int loop = 0; loop < loops.length; loop++) {
            int index = loop;
            loops[loop] = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < 100_000; i++) {
                    counters.add(index, 0, 1);
                    counters.add(index, 1, index == 0 ? 1 : -1);
                }
            });
            loops[loop].start();
        }
        start.countDown();
        for (Thread loop : loops) {
            loop.join();
        }

        assertThat(counters.sum(0)).isEqualTo(200_000);
        assertThat(counters.sum(1)).as("a gauge that one loop raises and the other lowers").isZero();
    }

    @Test
    void refusesCountersItDoesNotHave() {
        LoopCounters counters = new LoopCounters(1, 3);

        assertThatThrownBy(() -> counters.sum(3)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> new LoopCounters(1, 17)).isInstanceOf(IllegalArgumentException.class);
    }
}
