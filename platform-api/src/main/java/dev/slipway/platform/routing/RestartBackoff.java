package dev.slipway.platform.routing;

import java.time.Duration;

/**
 * How long to wait before starting a router that exited: at once the first time, then 1, 2, 4 … up to
 * {@link #MAX} seconds while it keeps dying; a router that served for {@link #RESET_AFTER} starts afresh.
 */
final class RestartBackoff {

    static final Duration MAX = Duration.ofSeconds(30);
    static final Duration RESET_AFTER = Duration.ofMinutes(1);

    private int failures;

    /** The wait before the next start, for a router that ran for {@code upFor} before it exited. */
    synchronized Duration next(Duration upFor) {
        if (upFor.compareTo(RESET_AFTER) >= 0) {
            failures = 0;
        }
        Duration wait = Duration.ZERO;
        if (failures > 0) {
            Duration doubled = Duration.ofSeconds(1L << Math.min(failures - 1, 30));
            wait = doubled.compareTo(MAX) > 0 ? MAX : doubled;
        }
        failures++;
        return wait;
    }
}
