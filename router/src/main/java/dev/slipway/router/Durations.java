package dev.slipway.router;

import java.time.Duration;

/** Durations as people write them in route state, on the command line and in the control API. */
final class Durations {

    private Durations() {
    }

    /**
     * Parses {@code 250ms}, {@code 30s}, {@code 5m} or {@code 2h}; a bare whole number is seconds.
     *
     * @throws IllegalArgumentException when the text is none of these
     */
    static Duration parse(String text) {
        UnitAmount value = UnitAmount.parse(text);
        if (value == null) {
            throw invalid(text);
        }
        return switch (value.unit()) {
            case "", "s" -> Duration.ofSeconds(value.amount());
            case "ms" -> Duration.ofMillis(value.amount());
            case "m" -> Duration.ofMinutes(value.amount());
            case "h" -> Duration.ofHours(value.amount());
            default -> throw invalid(text);
        };
    }

    /** The shortest exact form {@link #parse} reads back: {@code 2h}, {@code 90s}, {@code 250ms}. */
    static String format(Duration duration) {
        long millis = duration.toMillis();
        if (millis % 1000 != 0) {
            return millis + "ms";
        }
        long seconds = millis / 1000;
        if (seconds != 0 && seconds % 3600 == 0) {
            return seconds / 3600 + "h";
        }
        if (seconds != 0 && seconds % 60 == 0) {
            return seconds / 60 + "m";
        }
        return seconds + "s";
    }

    /** For messages: {@code 120 s} or {@code 300 ms}. */
    static String describe(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }

    private static IllegalArgumentException invalid(String text) {
        return new IllegalArgumentException("'" + text + "' is not a duration; write e.g. 500ms, 30s, 5m or 2h");
    }
}
