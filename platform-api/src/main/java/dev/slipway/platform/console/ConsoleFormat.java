package dev.slipway.platform.console;

import dev.slipway.build.image.Bytes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** How pages write times, sizes and sparklines; the records pages show call it. */
final class ConsoleFormat {

    private static final Clock CLOCK = Clock.systemUTC();

    private ConsoleFormat() {
    }

    /** {@code 12 s ago}, {@code 5 min ago}, {@code 3 h ago}, {@code 2 d ago}. */
    static String age(Instant time) {
        if (time == null) {
            return "";
        }
        var elapsed = Duration.between(time, CLOCK.instant());
        if (elapsed.isNegative() || elapsed.toSeconds() < 60) {
            return Math.max(0, elapsed.toSeconds()) + " s ago";
        }
        if (elapsed.toMinutes() < 60) {
            return elapsed.toMinutes() + " min ago";
        }
        if (elapsed.toHours() < 48) {
            return elapsed.toHours() + " h ago";
        }
        return elapsed.toDays() + " d ago";
    }

    /** A commit id as git abbreviates it: its first 7 hex digits; "" for none. */
    static String shortCommit(String commit) {
        return commit == null ? "" : commit.substring(0, Math.min(7, commit.length()));
    }

    /** {@code 812 B}, {@code 4.2 KiB}, {@code 87.0 MiB}. */
    static String size(long bytes) {
        return Bytes.format(bytes);
    }

    /** Seconds with one decimal: {@code 2.4 s}. */
    static String seconds(Double seconds) {
        return seconds == null ? "" : String.format(java.util.Locale.ROOT, "%.1f s", seconds);
    }

    /**
     * The points of an SVG polyline drawing {@code values} in a {@code width} × {@code height} box, highest value at
     * the top; a flat line at the bottom when all are 0.
     */
    static String sparkline(List<Long> values, int width, int height) {
        if (values.isEmpty()) {
            return "";
        }
        long max = 1;
        for (var v : values) {
            max = Math.max(max, v);
        }
        // The overview draws one per service on every refresh: tenths by integer arithmetic, not String.format.
        var points = new StringBuilder(values.size() * 12);
        var step = values.size() == 1 ? 0 : (double) width / (values.size() - 1);
        for (int i = 0; i < values.size(); i++) {
            var y = height - 1 - (double) values.get(i) / max * (height - 2);
            if (i > 0) {
                points.append(' ');
            }
            tenths(points, i * step).append(',');
            tenths(points, y);
        }
        return points.toString();
    }

    /** Appends a non-negative value rounded to one decimal, as {@code 12.5}. */
    private static StringBuilder tenths(StringBuilder out, double value) {
        long scaled = Math.round(value * 10);
        return out.append(scaled / 10).append('.').append(scaled % 10);
    }

    /** The total of {@code values}, for a sparkline's label. */
    static long total(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).sum();
    }
}
