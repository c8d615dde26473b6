package dev.slipway.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BackendsTest {

    private final Backends backends = new Backends();

    @Test
    void countsPerAddressAndKeepsTheBackendAcrossTables() {
        Map<String, Backend> first = backends.adopt(Set.of("127.0.0.1:1", "127.0.0.1:2"));
        first.get("127.0.0.1:1").increment();
        first.get("127.0.0.1:1").increment();
        first.get("127.0.0.1:2").increment();
        first.get("127.0.0.1:1").decrement();

        Map<String, Backend> second = backends.adopt(Set.of("127.0.0.1:1"));

        assertThat(second.get("127.0.0.1:1")).isSameAs(first.get("127.0.0.1:1"));
        assertThat(backends.inFlight("127.0.0.1:1")).isEqualTo(1);
        assertThat(backends.inFlight("127.0.0.1:2")).isEqualTo(1);
        assertThat(backends.inFlight("127.0.0.1:3")).isZero();
        assertThat(first.get("127.0.0.1:2").retired()).isTrue();
        assertThat(second.get("127.0.0.1:1").retired()).isFalse();
    }

    @Test
    void wakesAWaiterWhenTheCountReachesZero() throws Exception {
        Backend backend = backends.adopt(Set.of("127.0.0.1:1")).get("127.0.0.1:1");
        backend.increment();
        CompletableFuture<Boolean> drained = CompletableFuture.supplyAsync(() -> {
            try {
                return backends.awaitZero("127.0.0.1:1", Duration.ofSeconds(30));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        await().until(() -> backends.waiters() == 1);

        backend.decrement();

        assertThat(drained.get(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void givesUpWhenTheTimeoutPassesFirst() throws Exception {
        backends.adopt(Set.of("127.0.0.1:1")).get("127.0.0.1:1").increment();

        assertThat(backends.awaitZero("127.0.0.1:1", Duration.ofMillis(50))).isFalse();
        assertThat(backends.awaitZero("127.0.0.1:9", Duration.ZERO)).isTrue();
    }

    @Test
    void forgetsOnlyIdleBackendsThatLeftTheTable() {
        Map<String, Backend> first = backends.adopt(Set.of("127.0.0.1:1", "127.0.0.1:2", "127.0.0.1:3"));
        first.get("127.0.0.1:1").increment();
        backends.adopt(Set.of("127.0.0.1:3"));

        backends.forgetIdle(Set.of("127.0.0.1:3"));

        assertThat(backends.inFlight("127.0.0.1:1")).isEqualTo(1);
        Map<String, Backend> again = backends.adopt(Set.of("127.0.0.1:1", "127.0.0.1:2"));
        assertThat(again.get("127.0.0.1:1")).isSameAs(first.get("127.0.0.1:1"));
        assertThat(again.get("127.0.0.1:2")).isNotSameAs(first.get("127.0.0.1:2"));
    }

    @Test
    void marksABackendUnhealthyUntilAProbeSucceedsAndProbesOnlyOnce() {
        Backend backend = backends.adopt(Set.of("127.0.0.1:1")).get("127.0.0.1:1");

        assertThat(backend.connectFailed(new java.net.ConnectException("refused"))).isTrue();
        assertThat(backend.connectFailed(new java.net.ConnectException("refused"))).isFalse();
        assertThat(backend.healthy()).isFalse();

        backend.probeSucceeded();

        assertThat(backend.healthy()).isTrue();
        assertThat(backend.connectFailed(new java.net.ConnectException("refused"))).isTrue();
    }
}
