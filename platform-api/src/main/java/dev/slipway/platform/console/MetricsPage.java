package dev.slipway.platform.console;

import dev.slipway.platform.metrics.MetricsRange;
import dev.slipway.platform.metrics.MetricsSeries;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What the Metrics tab shows around its charts: the range links and each chart's text summary, which
 * {@code metrics.js} rewrites the same way when it refreshes the charts.
 *
 * @param range    the range shown, as in the URL: {@code 1h}
 * @param label    as a person reads it: {@code 1 h}
 * @param ranges   the range switcher's links
 */
public record MetricsPage(String range, String label, long stepSeconds, List<RangeLink> ranges, String requests,
                          String statuses, String latency, String capacity) {

    /** The time each point covers: {@code 10 s}, {@code 5 min}. */
    public String stepLabel() {
        return stepSeconds % 60 == 0 ? stepSeconds / 60 + " min" : stepSeconds + " s";
    }

    /** A link of the range switcher. */
    public record RangeLink(String range, String label, boolean current) {
    }

    static MetricsPage of(String service, MetricsRange range, MetricsSeries series) {
        var links = Arrays.stream(MetricsRange.values())
                .map(r -> new RangeLink(r.wireName(), r.label(), r == range)).toList();
        var within = "in the last " + range.label();
        var latest = series.latest();
        if (latest.isEmpty()) {
            var none = "No samples " + within + " yet.";
            return new MetricsPage(range.wireName(), range.label(), series.stepSeconds(), links, none, none, none, none);
        }
        var point = latest.get();
        var peak = series.points().stream().map(MetricsSeries.Point::requestsPerSecond).filter(Objects::nonNull)
                .max(Double::compare).orElse(0.0);
        var requests = "Latest: " + number(point.requestsPerSecond()) + " requests/s; highest " + within + ": "
                + number(peak) + " requests/s.";
        var statuses = "Latest per second: 2xx " + number(point.status2xxPerSecond()) + ", 4xx "
                + number(point.status4xxPerSecond()) + ", 5xx " + number(point.status5xxPerSecond()) + ".";
        var timed = series.latestAnswered();
        var latency = timed.map(p -> "Latest: p50 " + number(p.latencyP50Ms()) + " ms, p95 " + number(p.latencyP95Ms())
                + " ms, p99 " + number(p.latencyP99Ms()) + " ms.").orElse("No request answered " + within + ".");
        var capacity = "Latest: concurrency " + point.concurrency() + ", active instances " + point.activeInstances() + ".";
        return new MetricsPage(range.wireName(), range.label(), series.stepSeconds(), links, requests, statuses, latency,
                capacity);
    }

    /** Two decimals below 10, one below 100, none above; no trailing zeros: {@code 0}, {@code 1.25}, {@code 12.5}. */
    static String number(double value) {
        int decimals = Math.abs(value) < 10 ? 2 : Math.abs(value) < 100 ? 1 : 0;
        var rounded = BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).stripTrailingZeros();
        return rounded.signum() == 0 ? "0" : rounded.toPlainString();
    }
}
