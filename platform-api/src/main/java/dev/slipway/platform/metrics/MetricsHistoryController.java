package dev.slipway.platform.metrics;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/services/{name}/metrics?range=1h|6h|24h}: the service's requests per second by status class,
 * latency percentiles, concurrency and active instances over the range, from the samples Slipway keeps for a day.
 */
@RestController
class MetricsHistoryController {

    private final MetricsHistory history;

    MetricsHistoryController(MetricsHistory history) {
        this.history = history;
    }

    @GetMapping("/api/v1/services/{name}/metrics")
    MetricsSeries series(@PathVariable String name, @RequestParam(defaultValue = "1h") String range) {
        return history.series(name, MetricsRange.parse(range));
    }
}
