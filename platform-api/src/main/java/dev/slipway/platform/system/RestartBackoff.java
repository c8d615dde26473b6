package dev.slipway.platform.system;

import java.time.Duration;
import java.time.Instant;

/**
 * How long a crashed or unhealthy instance waits before it starts again: the first wait, doubled
 * for each further crash in a row, at most the longest wait. Crashes are forgotten once the
 * instance stayed healthy for the reset time.
 *
 * @param first   the wait after one crash
 * @param longest the longest wait
 * @param reset   how long an instance must stay healthy for its crash streak to start over
 */
public record RestartBackoff(Duration first, Duration longest, Duration reset) {

    /** The wait before restart number {@code streak} (1 for the first crash in a row). */
    public Duration delay(int streak) {
        var delay = first;
        for (int i = 1; i < streak && delay.compareTo(longest) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(longest) > 0 ? longest : delay;
    }

    /** The crash streak after a new crash of an instance healthy since {@code healthySince}. */
    public int nextStreak(int streak, java.util.Optional<Instant> healthySince, Instant now) {
        var forgotten = healthySince.map(since -> !since.plus(reset).isAfter(now)).orElse(false);
        return (forgotten ? 0 : streak) + 1;
    }
}
