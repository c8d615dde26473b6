package dev.slipway.platform.metrics;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/metrics}: every metric in Prometheus' text format, for a scraper that sends
 * the admin token. Per service, the router's {@code Requests}, {@code 2xx/4xx/5xxStatusResponses},
 * {@code RequestLatency}, {@code Concurrency} and {@code ActiveInstances} (see docs/router.md).
 */
@RestController
class MetricsController {

    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry;

    MetricsController(PrometheusMeterRegistry registry) {
        this.registry = registry;
    }

    @GetMapping(path = "/api/v1/metrics", produces = PROMETHEUS_TEXT)
    String metrics() {
        return registry.scrape();
    }
}
