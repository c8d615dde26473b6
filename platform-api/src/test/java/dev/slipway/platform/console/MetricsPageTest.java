package dev.slipway.platform.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.platform.metrics.MetricsRange;
import dev.slipway.platform.metrics.MetricsSeries;
import dev.slipway.platform.metrics.MetricsSeries.Point;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetricsPageTest {

    private static final Instant T = Instant.parse("2026-01-01T10:00:00Z");

    @Test
    void summariesTellTheNewestSampledStepAndTheNewestLatency() {
        var series = new MetricsSeries("hello", "1h", 10, 10, List.of(
                new Point(T, 12.345, 12.0, 0.3, 0.045, 3.14159, 20.0, 120.5, 2, 1),
                new Point(T.plusSeconds(10), 0.0, 0.0, 0.0, 0.0, null, null, null, 0, 1),
                Point.empty(T.plusSeconds(20))));

        var page = MetricsPage.of("hello", MetricsRange.HOUR, series);

        assertThat(page.requests()).isEqualTo("Latest: 0 requests/s; highest in the last 1 h: 12.3 requests/s.");
        assertThat(page.statuses()).isEqualTo("Latest per second: 2xx 0, 4xx 0, 5xx 0.");
        assertThat(page.latency()).isEqualTo("Latest: p50 3.14 ms, p95 20 ms, p99 121 ms.");
        assertThat(page.capacity()).isEqualTo("Latest: concurrency 0, active instances 1.");
        assertThat(page.stepLabel()).isEqualTo("10 s");
        assertThat(page.ranges()).extracting(MetricsPage.RangeLink::current).containsExactly(true, false, false);
    }

    @Test
    void withoutSamplesEverySummarySaysSo() {
        var series = new MetricsSeries("hello", "24h", 300, 10, List.of(Point.empty(T)));

        var page = MetricsPage.of("hello", MetricsRange.DAY, series);

        assertThat(page.requests()).isEqualTo("No samples in the last 24 h yet.");
        assertThat(page.latency()).isEqualTo("No samples in the last 24 h yet.");
        assertThat(page.stepLabel()).isEqualTo("5 min");
    }

    @Test
    void numbersKeepTwoDecimalsBelowTenOneBelowAHundredAndNoneAbove() {
        assertThat(MetricsPage.number(0)).isEqualTo("0");
        assertThat(MetricsPage.number(0.004)).isEqualTo("0");
        assertThat(MetricsPage.number(1.256)).isEqualTo("1.26");
        assertThat(MetricsPage.number(2.5)).isEqualTo("2.5");
        assertThat(MetricsPage.number(25.04)).isEqualTo("25");
        assertThat(MetricsPage.number(25.06)).isEqualTo("25.1");
        assertThat(MetricsPage.number(1234.5)).isEqualTo("1235");
    }
}
