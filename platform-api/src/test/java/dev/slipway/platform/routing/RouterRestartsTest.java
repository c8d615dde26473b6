package dev.slipway.platform.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RouterRestartsTest {

    private static final Duration BRIEFLY = Duration.ofSeconds(2);

    @Test
    void aRouterThatKeepsDyingWaitsLongerEachTimeUpToHalfAMinute() {
        RouterRestarts backoff = new RouterRestarts();
        List<Long> waits = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            waits.add(backoff.next(BRIEFLY).toSeconds());
        }
        assertThat(waits).containsExactly(0L, 1L, 2L, 4L, 8L, 16L, 30L, 30L, 30L);
    }

    @Test
    void aRouterThatServedForAMinuteStartsAgainAtOnce() {
        RouterRestarts backoff = new RouterRestarts();
        for (int i = 0; i < 5; i++) {
            backoff.next(BRIEFLY);
        }
        assertThat(backoff.next(Duration.ofMinutes(1))).isZero();
        assertThat(backoff.next(BRIEFLY)).isEqualTo(Duration.ofSeconds(1));
    }
}
