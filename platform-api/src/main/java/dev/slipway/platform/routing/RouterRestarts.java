package dev.slipway.platform.routing;

import dev.slipway.platform.system.RestartBackoff;
import java.time.Duration;

/**
 * How long to wait before starting a router that exited: at once the first time, then 1, 2, 4 … up to
 * {@link #MAX} seconds while it keeps dying; a router that served for {@link #RESET_AFTER} starts afresh.
 */
final class RouterRestarts {

    static final Duration MAX = Duration.ofSeconds(30);
    static final Duration RESET_AFTER = Duration.ofMinutes(1);
    private static final RestartBackoff BACKOFF = new RestartBackoff(Duration.ofSeconds(1), MAX, RESET_AFTER);

    private int failures;

    /** The wait before the next start, for a router that ran for {@code upFor} before it exited. */
    synchronized Duration next(Duration upFor) {
        if (upFor.compareTo(RESET_AFTER) >= 0) {
            failures = 0;
        }
        var wait = failures == 0 ? Duration.ZERO : BACKOFF.delay(failures);
        failures++;
        return wait;
    }
}
