package dev.slipway.router;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.embedded.EmbeddedChannel;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UpstreamPoolTest {

    private final UpstreamPool pool = new UpstreamPool(Duration.ofMinutes(1).toNanos());

    @Test
    void handsOutTheMostRecentlyReleasedConnectionFirst() {
        EmbeddedChannel older = new EmbeddedChannel();
        EmbeddedChannel newer = new EmbeddedChannel();
        pool.release("a:1", older);
        pool.release("a:1", newer);

        assertThat(pool.acquire("a:1")).isSameAs(newer);
        assertThat(pool.acquire("a:1")).isSameAs(older);
        assertThat(pool.acquire("a:1")).isNull();
        assertThat(pool.acquire("b:1")).isNull();
    }

    @Test
    void skipsConnectionsThatClosedOrSatIdleTooLong() {
        EmbeddedChannel closed = new EmbeddedChannel();
        pool.release("a:1", closed);
        closed.close();
        assertThat(pool.acquire("a:1")).isNull();

        UpstreamPool impatient = new UpstreamPool(0);
        EmbeddedChannel stale = new EmbeddedChannel();
        impatient.release("a:1", stale);
        assertThat(impatient.acquire("a:1")).isNull();
        assertThat(stale.isOpen()).isFalse();
    }

    @Test
    void sweepsOutConnectionsIdleLongerThanTheTimeoutWithoutWaitingForReuse() {
        UpstreamPool impatient = new UpstreamPool(0);
        EmbeddedChannel first = new EmbeddedChannel();
        EmbeddedChannel second = new EmbeddedChannel();
        impatient.release("a:1", first);
        impatient.release("a:1", second);

        impatient.closeExpired();

        assertThat(first.isOpen()).isFalse();
        assertThat(second.isOpen()).isFalse();
        assertThat(impatient.idleCount("a:1")).isZero();

        EmbeddedChannel fresh = new EmbeddedChannel();
        pool.release("a:1", fresh);
        pool.closeExpired();
        assertThat(fresh.isOpen()).isTrue();
        assertThat(pool.idleCount("a:1")).isEqualTo(1);
    }

    @Test
    void closesIdleConnectionsToAddressesNoLongerRouted() {
        EmbeddedChannel kept = new EmbeddedChannel();
        EmbeddedChannel dropped = new EmbeddedChannel();
        pool.release("kept:1", kept);
        pool.release("gone:1", dropped);

        pool.retainOnly(Set.of("kept:1"));

        assertThat(dropped.isOpen()).isFalse();
        assertThat(kept.isOpen()).isTrue();
        assertThat(pool.acquire("kept:1")).isSameAs(kept);
    }

    @Test
    void closesConnectionsBeyondTheIdleLimit() {
        for (int i = 0; i < UpstreamPool.MAX_IDLE_PER_ADDRESS; i++) {
            pool.release("a:1", new EmbeddedChannel());
        }
        EmbeddedChannel extra = new EmbeddedChannel();

        pool.release("a:1", extra);

        assertThat(extra.isOpen()).isFalse();
        assertThat(pool.idleCount("a:1")).isEqualTo(UpstreamPool.MAX_IDLE_PER_ADDRESS);
    }
}
