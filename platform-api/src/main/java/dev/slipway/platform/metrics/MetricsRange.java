package dev.slipway.platform.metrics;

import dev.slipway.platform.system.InvalidRequestException;
import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Collectors;

/** How far back a metrics chart looks, and the width of each of its points. */
public enum MetricsRange {
    HOUR("1h", "1 h", Duration.ofHours(1), Duration.ofSeconds(10)),
    SIX_HOURS("6h", "6 h", Duration.ofHours(6), Duration.ofMinutes(1)),
    DAY("24h", "24 h", Duration.ofHours(24), Duration.ofMinutes(5));

    private final String wireName;
    private final String label;
    private final Duration span;
    private final Duration step;

    MetricsRange(String wireName, String label, Duration span, Duration step) {
        this.wireName = wireName;
        this.label = label;
        this.span = span;
        this.step = step;
    }

    /**
     * The range named {@code text} ({@code 1h}, {@code 6h} or {@code 24h}).
     *
     * @throws InvalidRequestException naming the allowed values
     */
    public static MetricsRange parse(String text) {
        return Arrays.stream(values()).filter(r -> r.wireName.equals(text)).findFirst()
                .orElseThrow(() -> new InvalidRequestException("range must be one of " + allowed() + "; got '"
                        + text + "'"));
    }

    static String allowed() {
        return Arrays.stream(values()).map(MetricsRange::wireName).collect(Collectors.joining(", "));
    }

    /** As the API and the console's links spell it: {@code 1h}. */
    public String wireName() {
        return wireName;
    }

    /** As a person reads it: {@code 1 h}. */
    public String label() {
        return label;
    }

    public Duration span() {
        return span;
    }

    /** The time each point covers. */
    public Duration step() {
        return step;
    }

    /** How many points the range has. */
    int points() {
        return (int) (span.toSeconds() / step.toSeconds());
    }
}
