package dev.slipway.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MetricsIT {

    private final TestBackend backend = TestBackend.start("backend", exchange -> {
        int status = exchange.getRequestURI().getPath().equals("/missing") ? 404 : 200;
        byte[] body = "ok".getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    });
    private Router router;

    @AfterEach
    void stop() {
        if (router != null) {
            router.close();
        }
        backend.close();
    }

    @Test
    void countsRequestsByStatusClassAndRecordsLatencyPerService() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        router = Router.start(RouterOptions.onPort(0).withMeterRegistry(registry));
        String dead = FailoverIT.closedPortAddress();
        router.publish(RouteTable.of(List.of(
                Route.of("hello.localhost", backend.address()).withService("hello"),
                Route.of("hello.localhost", dead).withPathPrefix("/broken").withService("hello"),
                Route.of("other.localhost", backend.address()))));

        for (int i = 0; i < 5; i++) {
            TestClient.get(router.port(), "hello.localhost", "/");
        }
        TestClient.get(router.port(), "hello.localhost", "/missing");
        TestClient.get(router.port(), "hello.localhost", "/broken");
        TestClient.get(router.port(), "other.localhost", "/");
        TestClient.get(router.port(), "nobody.localhost", "/");

        await().untilAsserted(() -> assertThat(count(registry, RouterMetrics.REQUESTS, "hello")).isEqualTo(7));
        assertThat(count(registry, RouterMetrics.STATUS_2XX, "hello")).isEqualTo(5);
        assertThat(count(registry, RouterMetrics.STATUS_4XX, "hello")).isEqualTo(1);
        assertThat(count(registry, RouterMetrics.STATUS_5XX, "hello")).isEqualTo(1);
        assertThat(count(registry, RouterMetrics.REQUESTS, "other.localhost")).isEqualTo(1);
        Timer latency = registry.get(RouterMetrics.LATENCY).tag("service", "hello").timer();
        assertThat(latency.count()).isEqualTo(7);
        assertThat(registry.get(RouterMetrics.CONCURRENCY).tag("service", "hello").gauge().value()).isZero();
        assertThat(registry.get(RouterMetrics.ACTIVE_INSTANCES).tag("service", "hello").gauge().value()).isEqualTo(1);
        assertThat(registry.get(RouterMetrics.ACTIVE_INSTANCES).tag("service", "other.localhost").gauge().value())
                .isEqualTo(1);
    }

    @Test
    void exposesThePrometheusNamesAndDropsTheMetersOfServicesNoLongerRouted() throws Exception {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        router = Router.start(RouterOptions.onPort(0).withMeterRegistry(registry));
        router.publish(RouteTable.of(List.of(Route.of("hello.localhost", backend.address()).withService("hello"))));
        TestClient.get(router.port(), "hello.localhost", "/");

        await().until(() -> registry.scrape().contains("slipway_router_requests_total{service=\"hello\"} 1"));
        String text = registry.scrape();

        assertThat(text).contains("slipway_router_requests_total{service=\"hello\"} 1")
                .contains("slipway_router_2xx_status_responses_total{service=\"hello\"} 1")
                .contains("slipway_router_4xx_status_responses_total{service=\"hello\"} 0")
                .contains("slipway_router_5xx_status_responses_total{service=\"hello\"} 0")
                .contains("slipway_router_request_latency_seconds_bucket{service=\"hello\",le=\"0.001\"}")
                .contains("slipway_router_request_latency_seconds_bucket{service=\"hello\",le=\"120.0\"} 1")
                .contains("slipway_router_request_latency_seconds_bucket{service=\"hello\",le=\"+Inf\"} 1")
                .contains("slipway_router_request_latency_seconds_count{service=\"hello\"} 1")
                .contains("slipway_router_concurrency{service=\"hello\"} 0")
                .contains("slipway_router_active_instances{service=\"hello\"} 1")
                .contains("slipway_router_client_connections");

        router.publish(RouteTable.EMPTY);

        assertThat(registry.scrape()).doesNotContain("service=\"hello\"");
        router.close();
        assertThat(registry.getMeters()).isEmpty();
    }

    @Test
    void recordsNothingWithoutARegistry() throws Exception {
        router = Router.start(RouterOptions.onPort(0));
        router.publish(RouteTable.of(List.of(Route.of("hello.localhost", backend.address()))));

        assertThat(TestClient.get(router.port(), "hello.localhost", "/").statusCode()).isEqualTo(200);
    }

    private static double count(MeterRegistry registry, String name, String service) {
        return registry.get(name).tag("service", service).functionCounter().count();
    }
}
