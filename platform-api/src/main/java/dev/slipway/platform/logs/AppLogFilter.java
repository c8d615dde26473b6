package dev.slipway.platform.logs;

import java.time.Instant;

/**
 * Which lines of a service's application log to read or follow. Start from {@link #ALL} and narrow it.
 *
 * @param instance only this instance's lines; {@code null} for every instance
 * @param since    only lines written at or after this time; {@code null} for no limit
 * @param tail     only the last this many of the lines that match otherwise; {@code null} for all
 * @param afterSeq only lines after this one ({@code 0}: from the first)
 */
public record AppLogFilter(String instance, Instant since, Integer tail, long afterSeq) {

    public static final AppLogFilter ALL = new AppLogFilter(null, null, null, 0);

    public AppLogFilter {
        if (tail != null && tail < 1) {
            throw new IllegalArgumentException("tail must be at least 1, got " + tail);
        }
    }

    public AppLogFilter withInstance(String instance) {
        return new AppLogFilter(instance, since, tail, afterSeq);
    }

    public AppLogFilter withSince(Instant since) {
        return new AppLogFilter(instance, since, tail, afterSeq);
    }

    public AppLogFilter withTail(Integer tail) {
        return new AppLogFilter(instance, since, tail, afterSeq);
    }

    public AppLogFilter withAfterSeq(long afterSeq) {
        return new AppLogFilter(instance, since, tail, afterSeq);
    }

    /** Whether {@code line} passes the instance, time and seq conditions ({@code tail} applies to a list). */
    public boolean matches(AppLogLine line) {
        return line.seq() > afterSeq
                && (instance == null || instance.equals(line.instance()))
                && (since == null || !line.time().isBefore(since));
    }
}
