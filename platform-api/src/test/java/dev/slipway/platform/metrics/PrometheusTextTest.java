package dev.slipway.platform.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PrometheusTextTest {

    @Test
    void readsEverySampleOfARealRoutersScrape() {
        try (var router = new ScrapedRouter("hello")) {
            router.get("hello", "/");
            await().until(() -> router.scrape().contains("slipway_router_requests_total{service=\"hello\"} 1"));

            var samples = PrometheusText.parse(router.scrape());

            assertThat(samples).contains(
                    new PrometheusText.Sample("slipway_router_requests_total", Map.of("service", "hello"), 1),
                    new PrometheusText.Sample("slipway_router_2xx_status_responses_total", Map.of("service", "hello"), 1),
                    new PrometheusText.Sample("slipway_router_request_latency_seconds_bucket",
                            Map.of("service", "hello", "le", "+Inf"), 1),
                    new PrometheusText.Sample("slipway_router_active_instances", Map.of("service", "hello"), 1));
            assertThat(samples).filteredOn(s -> s.name().equals("slipway_router_request_latency_seconds_bucket"))
                    .hasSize(17);
            assertThat(samples).anyMatch(s -> s.name().equals("slipway_router_client_connections") && s.labels().isEmpty());
        }
    }

    @Test
    void readsEscapedLabelsInfinitiesTimestampsAndSkipsComments() {
        var samples = PrometheusText.parse("""
                # HELP requests_total Requests.
                # TYPE requests_total counter

                requests_total{service="a \\"quoted\\" \\\\ name",le="+Inf",} 3.0 1712345678000
                latency_max -Inf
                up NaN
                plain 1.5e3
                """);

        assertThat(samples).hasSize(4);
        assertThat(samples.get(0).labels()).isEqualTo(Map.of("service", "a \"quoted\" \\ name", "le", "+Inf"));
        assertThat(samples.get(0).value()).isEqualTo(3);
        assertThat(samples.get(1).value()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(samples.get(2).value()).isNaN();
        assertThat(samples.get(3)).isEqualTo(new PrometheusText.Sample("plain", Map.of(), 1500));
    }

    @Test
    void aLineThatIsNoSampleIsNamed() {
        assertThatThrownBy(() -> PrometheusText.parse("ok 1\nbroken{service=\"x} 1\n"))
                .hasMessage("Unterminated label value: broken{service=\"x} 1");
        assertThatThrownBy(() -> PrometheusText.parse("count one"))
                .hasMessage("Not a number 'one' in: count one");
    }
}
