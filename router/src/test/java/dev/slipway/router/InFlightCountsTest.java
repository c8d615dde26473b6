package dev.slipway.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class InFlightCountsTest {

    private final InFlightCounts counts = new InFlightCounts();

    @Test
    void countsPerAddress() {
        counts.increment("a:1");
        counts.increment("a:1");
        counts.increment("b:1");
        counts.decrement("a:1");

        assertThat(counts.get("a:1")).isEqualTo(1);
        assertThat(counts.get("b:1")).isEqualTo(1);
        assertThat(counts.get("c:1")).isZero();
    }

    @Test
    void wakesAWaiterWhenTheCountReachesZero() throws Exception {
        counts.increment("a:1");
        CompletableFuture<Boolean> drained = CompletableFuture.supplyAsync(() -> {
            try {
                return counts.awaitZero("a:1", Duration.ofSeconds(30));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        await().until(() -> counts.waiters() == 1);

        counts.decrement("a:1");

        assertThat(drained.get(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void givesUpWhenTheTimeoutPassesFirst() throws Exception {
        counts.increment("a:1");

        assertThat(counts.awaitZero("a:1", Duration.ofMillis(50))).isFalse();
        assertThat(counts.awaitZero("idle:1", Duration.ZERO)).isTrue();
    }

    @Test
    void forgetsOnlyIdleAddressesThatLeftTheTable() {
        counts.increment("gone-busy:1");
        counts.increment("gone-idle:1");
        counts.decrement("gone-idle:1");
        counts.increment("kept:1");
        counts.decrement("kept:1");

        counts.forgetIdle(Set.of("kept:1"));

        assertThat(counts.get("gone-busy:1")).isEqualTo(1);
        counts.decrement("gone-busy:1");
        counts.increment("kept:1");
        assertThat(counts.get("kept:1")).isEqualTo(1);
    }
}
