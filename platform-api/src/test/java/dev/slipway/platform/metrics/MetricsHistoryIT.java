package dev.slipway.platform.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.slipway.platform.support.AppRepository;
import dev.slipway.platform.support.RunningSlipway;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The metrics history of a deployed service: requests sent through the router show up as rates and latencies in
 * the API and on the console's Metrics tab. Samples are taken every second here, every 10 s by default.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MetricsHistoryIT {

    private RunningSlipway slipway;

    @BeforeAll
    void deployAndSendRequests(@TempDir Path home, @TempDir Path work) {
        slipway = RunningSlipway.start(home, "process", Map.of("slipway.metrics.sample-interval", "1s"));
        slipway.api().createService("hello");
        slipway.api().createService("idle");
        var push = AppRepository.fromExample("hello-python", work).push(slipway.gitUrl("hello"), RunningSlipway.TOKEN);
        assertThat(push.accepted()).as(push.text()).isTrue();
        for (int i = 0; i < 20; i++) {
            assertThat(slipway.service("hello").get().ok()).isTrue();
        }
    }

    @AfterAll
    void stop() {
        if (slipway != null) {
            slipway.close();
        }
    }

    @Test
    void theApiShowsTheRequestsSentThroughTheRouterWithTheirLatency() {
        var api = slipway.api();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(answered(api.get(
                "/api/v1/services/hello/metrics?range=1h").json())).isNotEmpty());
        var series = api.get("/api/v1/services/hello/metrics?range=1h").json();
        var busy = answered(series);

        assertThat(series.get("service").asString()).isEqualTo("hello");
        assertThat(series.get("range").asString()).isEqualTo("1h");
        assertThat(series.get("stepSeconds").asInt()).isEqualTo(10);
        assertThat(series.get("sampleIntervalSeconds").asInt()).isEqualTo(1);
        var points = series.get("points").valueStream().toList();
        assertThat(points).hasSize(360);
        assertThat(Instant.parse(points.get(1).get("time").asString()))
                .isEqualTo(Instant.parse(points.get(0).get("time").asString()).plusSeconds(10));
        var point = busy.get(0);
        assertThat(point.get("requestsPerSecond").asDouble()).isPositive();
        assertThat(point.get("status2xxPerSecond").asDouble()).isPositive();
        assertThat(point.get("status5xxPerSecond").asDouble()).isZero();
        assertThat(point.get("latencyP50Ms").asDouble()).isPositive();
        assertThat(point.get("latencyP99Ms").asDouble()).isGreaterThanOrEqualTo(point.get("latencyP50Ms").asDouble());
        assertThat(point.get("activeInstances").asInt()).isEqualTo(1);
        assertThat(points).anySatisfy(p -> assertThat(p.has("requestsPerSecond")).isFalse());
        var day = api.get("/api/v1/services/hello/metrics?range=24h").json();
        assertThat(day.get("stepSeconds").asInt()).isEqualTo(300);
        assertThat(day.get("points").size()).isEqualTo(288);
        assertThat(answered(day)).isNotEmpty();
        assertThat(api.get("/api/v1/services/hello/metrics?range=6h").json().get("points").size()).isEqualTo(360);
    }

    @Test
    void aBadRangeOrAnUnknownServiceIsAProblem() {
        var api = slipway.api();

        var badRange = api.get("/api/v1/services/hello/metrics?range=2d");
        assertThat(badRange.status()).isEqualTo(400);
        assertThat(badRange.contentType()).startsWith("application/problem+json");
        assertThat(badRange.json().get("detail").asString()).isEqualTo("range must be one of 1h, 6h, 24h; got '2d'");
        var unknown = api.get("/api/v1/services/nobody/metrics");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(api.getWithToken("/api/v1/services/hello/metrics", null).status()).isEqualTo(401);
    }

    @Test
    void theMetricsTabShowsTheChartsWithTheirSummariesToASignedInUser() {
        await().atMost(Duration.ofSeconds(30)).until(() -> !answered(slipway.api()
                .get("/api/v1/services/hello/metrics?range=6h").json()).isEmpty());
        var console = SignedInConsole.signIn(slipway.baseUrl(), RunningSlipway.TOKEN);

        var page = console.get("/services/hello/metrics?range=6h");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<h3 id=\"chart-requests-title\">Requests per second</h3>",
                "Responses per second by status", "Latency p50, p95 and p99 (ms)", "Concurrency and active instances",
                "aria-describedby=\"chart-latency-summary\"", "Each point covers 1 min",
                "href=\"/services/hello/metrics?range=1h\">1 h</a>",
                "data-series=\"/services/hello/metrics/series?range=6h\"",
                "uPlot.iife.min.js", "uPlot.min.css", "/console/metrics.js")
                .containsPattern("href=\"/services/hello/metrics\\?range=6h\"\\s+aria-current=\"page\">6 h</a>")
                .containsPattern("Latest: [0-9.]+ requests/s; highest in the last 6 h: [0-9.]+ requests/s\\.")
                .containsPattern("Latest: p50 [0-9.]+ ms, p95 [0-9.]+ ms, p99 [0-9.]+ ms\\.")
                .containsPattern("Latest: concurrency [0-9]+, active instances 1\\.");
        assertThat(page.body()).as("no inline script or style (CSP)").doesNotContainPattern("<script(?![^>]*\\bsrc=)")
                .doesNotContain(" style=").doesNotContainPattern(" on[a-z]+=");
        var series = console.get("/services/hello/metrics/series?range=1h");
        assertThat(series.statusCode()).isEqualTo(200);
        assertThat(series.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        assertThat(series.body()).contains("\"service\":\"hello\"", "\"latencyP99Ms\":");
        var idle = console.get("/services/idle/metrics");
        assertThat(idle.statusCode()).isEqualTo(200);
        assertThat(idle.body()).contains("No samples in the last 1 h yet.");
        assertThat(console.get("/services/hello/metrics?range=1w").statusCode()).isEqualTo(400);
        assertThat(console.get("/services/nobody/metrics").statusCode()).isEqualTo(404);
    }

    private static List<JsonNode> answered(JsonNode series) {
        return series.get("points").valueStream().filter(p -> p.has("latencyP50Ms")).toList();
    }
}
