package dev.slipway.platform.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RestartBackoffTest {

    private final RestartBackoff backoff = new RestartBackoff(Duration.ofSeconds(1), Duration.ofMinutes(5),
            Duration.ofMinutes(10));

    @Test
    void waitsDoubleFromOneSecondUpToFiveMinutes() {
        var waits = IntStream.rangeClosed(1, 12).mapToObj(backoff::delay).map(Duration::toSeconds).toList();

        assertThat(waits).containsExactly(1L, 2L, 4L, 8L, 16L, 32L, 64L, 128L, 256L, 300L, 300L, 300L);
    }

    @Test
    void crashesAddUpUntilTheInstanceStayedHealthyForTenMinutes() {
        var now = Instant.parse("2026-12-04T12:00:00Z");

        assertThat(backoff.nextStreak(3, Optional.empty(), now)).as("crashed while starting").isEqualTo(4);
        assertThat(backoff.nextStreak(3, Optional.of(now.minusSeconds(30)), now)).as("healthy for 30 s").isEqualTo(4);
        assertThat(backoff.nextStreak(3, Optional.of(now.minus(Duration.ofMinutes(10))), now))
                .as("healthy for 10 min").isEqualTo(1);
    }
}
