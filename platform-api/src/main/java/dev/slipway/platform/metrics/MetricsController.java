package dev.slipway.platform.metrics;

import dev.slipway.platform.routing.RouteTablePublisher;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/metrics}: every metric in Prometheus' text format, for a scraper that sends
 * the admin token: Slipway's own, then the router's per service ({@code Requests},
 * {@code 2xx/4xx/5xxStatusResponses}, {@code RequestLatency}, {@code Concurrency} and
 * {@code ActiveInstances}, see docs/router.md), which the router records in a registry of its own.
 */
@RestController
class MetricsController {

    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry;
    private final RouteTablePublisher router;

    MetricsController(PrometheusMeterRegistry registry, RouteTablePublisher router) {
        this.registry = registry;
        this.router = router;
    }

    @GetMapping(path = "/api/v1/metrics", produces = PROMETHEUS_TEXT)
    String metrics() {
        String own = registry.scrape();
        String routers = router.metrics();
        if (own.isEmpty() || routers.isEmpty() || own.endsWith("\n")) {
            return own + routers;
        }
        return own + "\n" + routers;
    }
}
