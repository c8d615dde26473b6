package dev.slipway.platform.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import org.junit.jupiter.api.Test;

class ServiceReadingTest {

    @Test
    void aServicesIntervalIsWhatItsCountersAndLatencyBucketsGrewBy() {
        try (var router = new ScrapedRouter("hello", "other")) {
            router.get("hello", "/");
            router.get("hello", "/missing");
            await().until(() -> router.scrape().contains("slipway_router_requests_total{service=\"hello\"} 2"));
            var first = ServiceReading.read(router.scrape());
            for (int i = 0; i < 3; i++) {
                router.get("hello", "/");
            }
            router.get("hello", "/fail");
            router.get("other", "/");
            await().until(() -> router.scrape().contains("slipway_router_requests_total{service=\"hello\"} 6"));
            var second = ServiceReading.read(router.scrape());

            var hello = second.get("hello").since("hello", first.get("hello"));

            assertThat(first.keySet()).contains("hello", "other");
            assertThat(hello.requests()).isEqualTo(4);
            assertThat(hello.status2xx()).isEqualTo(3);
            assertThat(hello.status4xx()).isZero();
            assertThat(hello.status5xx()).isEqualTo(1);
            assertThat(hello.latencyP50()).isPositive();
            assertThat(hello.latencyP50()).isLessThanOrEqualTo(hello.latencyP95());
            assertThat(hello.latencyP95()).isLessThanOrEqualTo(hello.latencyP99());
            assertThat(hello.concurrency()).isZero();
            assertThat(hello.activeInstances()).isEqualTo(1);
            var other = second.get("other").since("other", first.get("other"));
            assertThat(other.requests()).isEqualTo(1);
            assertThat(second.get("other").since("other", second.get("other")).latencyP50())
                    .as("no request in the interval: no latency").isNull();
        }
    }

    @Test
    void afterARouterRestartOrForANewServiceTheCountsSoFarAreTheInterval() {
        ServiceReading beforeRestart;
        try (var router = new ScrapedRouter("hello")) {
            for (int i = 0; i < 5; i++) {
                router.get("hello", "/");
            }
            await().until(() -> router.scrape().contains("slipway_router_requests_total{service=\"hello\"} 5"));
            beforeRestart = ServiceReading.read(router.scrape()).get("hello");
        }
        try (var restarted = new ScrapedRouter("hello")) {
            restarted.get("hello", "/");
            restarted.get("hello", "/missing");
            await().until(() -> restarted.scrape().contains("slipway_router_requests_total{service=\"hello\"} 2"));
            var reading = ServiceReading.read(restarted.scrape()).get("hello");

            var interval = reading.since("hello", beforeRestart);

            assertThat(interval.requests()).isEqualTo(2);
            assertThat(interval.status2xx()).isEqualTo(1);
            assertThat(interval.status4xx()).isEqualTo(1);
            assertThat(interval.latencyP99()).isNotNull();
            assertThat(reading.since("hello", null)).isEqualTo(interval);
        }
    }
}
