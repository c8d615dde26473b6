package dev.slipway.platform.logs;

import dev.slipway.platform.system.InvalidRequestException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.regex.Pattern;

/** The parameters of {@code GET /api/v1/services/{name}/logs}, checked and turned into a filter. */
final class AppLogQuery {

    static final int DEFAULT_TAIL = 100;
    static final int MAX_TAIL = 10_000;
    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})([smhd])");
    private static final Map<String, ChronoUnit> UNITS =
            Map.of("s", ChronoUnit.SECONDS, "m", ChronoUnit.MINUTES, "h", ChronoUnit.HOURS, "d", ChronoUnit.DAYS);

    private AppLogQuery() {
    }

    /**
     * The lines a request asks for: the last {@value #DEFAULT_TAIL} unless it gives {@code since} or
     * {@code tail}; with {@code lastEventId} (a stream resuming), every line after that one.
     *
     * @throws InvalidRequestException naming the parameter and its allowed forms
     */
    static AppLogFilter filter(String instance, String since, String tail, String lastEventId, Instant now) {
        var filter = AppLogFilter.ALL;
        if (instance != null) {
            if (instance.isBlank()) {
                throw new InvalidRequestException("instance must be an instance id, as GET /api/v1/services/{name}"
                        + "/instances lists them; leave it out for every instance's lines");
            }
            filter = filter.withInstance(instance);
        }
        if (since != null) {
            filter = filter.withSince(since(since, now));
        }
        var lines = tail == null ? null : tail(tail);
        if (lastEventId != null) {
            return filter.withAfterSeq(lastEventId(lastEventId));
        }
        if (lines == null && since == null) {
            lines = DEFAULT_TAIL;
        }
        return filter.withTail(lines);
    }

    private static Instant since(String value, Instant now) {
        var duration = DURATION.matcher(value);
        if (duration.matches()) {
            return now.minus(Duration.of(Long.parseLong(duration.group(1)), UNITS.get(duration.group(2))));
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException("since must be an ISO-8601 instant such as 2025-06-01T12:00:00Z, "
                    + "or how long ago as a whole number of seconds, minutes, hours or days such as 30s, 10m, 2h "
                    + "or 1d; got '" + value + "'");
        }
    }

    private static int tail(String value) {
        try {
            int lines = Integer.parseInt(value);
            if (lines >= 1 && lines <= MAX_TAIL) {
                return lines;
            }
        } catch (NumberFormatException e) {
            // Answered below.
        }
        throw new InvalidRequestException("tail must be a whole number of lines from 1 to " + MAX_TAIL
                + "; got '" + value + "'");
    }

    private static long lastEventId(String value) {
        try {
            long seq = Long.parseLong(value.trim());
            if (seq >= 0) {
                return seq;
            }
        } catch (NumberFormatException e) {
            // Answered below.
        }
        throw new InvalidRequestException("the Last-Event-ID header must be the id of a line event the stream "
                + "sent (a whole number); got '" + value + "'");
    }
}
