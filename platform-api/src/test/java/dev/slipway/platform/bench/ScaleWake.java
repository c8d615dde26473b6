package dev.slipway.platform.bench;

import dev.slipway.platform.support.SlipwayApi;
import dev.slipway.platform.support.SlipwayProcess;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.awaitility.Awaitility;
import tools.jackson.databind.JsonNode;

/** The first request to a service with no instance running: after scaling to zero, and after a resume. */
final class ScaleWake {

    static final int WAKES = 12;
    private static final Duration TO_ZERO = Duration.ofMinutes(1);
    private static final Duration WAKE_TIMEOUT = Duration.ofSeconds(30);

    private final SlipwayProcess slipway;
    private final String service;

    ScaleWake(SlipwayProcess slipway, String service) {
        this.slipway = slipway;
        this.service = service;
    }

    /** What the first request got: its status and the seconds until its headers arrived, or what went wrong. */
    record Answer(int status, double seconds, String error) {
    }

    /** Waits for zero instances, then wakes the service with one request, {@link #WAKES} times. */
    void measure(String runtime, ScaleTable table) throws InterruptedException {
        var api = slipway.api();
        var seconds = new ArrayList<Double>();
        var failures = new ArrayList<String>();
        for (var i = 1; i <= WAKES; i++) {
            await(TO_ZERO, () -> instances(api, service).isEmpty());
            var answer = firstByte();
            System.out.printf(Locale.ROOT, "%s: wake %d: status %d after %.3f s %s%n", service, i, answer.status(),
                    answer.seconds(), answer.error());
            if (answer.status() == 200) {
                seconds.add(answer.seconds());
            } else {
                failures.add(answer.status() + " " + answer.error());
            }
        }
        var target = runtime.equals("docker") ? 1.0 : 0.5;
        var p50 = ScalePercentiles.nearestRank(seconds, 50);
        table.add(runtime, "cold start from zero: p50", ScaleTable.seconds(p50), "< " + target + " s",
                ScaleBenchmark.REFERENCE_COLD, p50 < target);
        table.report(runtime, "cold start from zero: p95", ScaleTable.seconds(ScalePercentiles.nearestRank(seconds, 95)),
                ScaleBenchmark.REFERENCE_COLD);
        table.add(runtime, "cold start from zero: answered 200", seconds.size() + " of " + WAKES, "all", "—",
                failures.isEmpty());
    }

    /** Pauses {@code paused}, waits until it answers 503 with no instance, resumes it, and times the first 200. */
    void resume(String runtime, ScaleTable table, String paused) throws InterruptedException {
        var api = slipway.api();
        var client = slipway.service(paused);
        ScaleBenchmark.require(api.post("/api/v1/services/" + paused + "/pause", Map.of()).status() / 100 == 2,
                "pause " + paused);
        await(TO_ZERO, () -> client.get().status() == 503 && instances(api, paused).isEmpty());
        var start = System.nanoTime();
        ScaleBenchmark.require(api.post("/api/v1/services/" + paused + "/resume", Map.of()).status() / 100 == 2,
                "resume " + paused);
        await(Duration.ofMinutes(1), () -> client.get().ok());
        var seconds = (System.nanoTime() - start) / 1e9;
        table.add(runtime, "resume after pause", ScaleTable.seconds(seconds), "< 2 s", ScaleBenchmark.REFERENCE_RESUME,
                seconds < 2);
    }

    /**
     * {@code GET /} with the service's host name on a new connection; the clock stops when the
     * response's headers arrive (a streaming body handler returns then), the body is read after.
     */
    private Answer firstByte() {
        var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + slipway.ports().router() + "/"))
                .header("Host", service + ".localhost").timeout(WAKE_TIMEOUT).GET().build();
        var sent = System.nanoTime();
        try {
            var response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            var seconds = (System.nanoTime() - sent) / 1e9;
            try (InputStream body = response.body()) {
                var text = new String(body.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
                return new Answer(response.statusCode(), seconds, response.statusCode() == 200 ? "" : text);
            }
        } catch (IOException e) {
            return new Answer(-1, (System.nanoTime() - sent) / 1e9, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(-1, (System.nanoTime() - sent) / 1e9, e.toString());
        }
    }

    static List<JsonNode> instances(SlipwayApi api, String service) {
        var answer = api.get("/api/v1/services/" + service + "/instances");
        if (answer.status() != 200) {
            throw new IllegalStateException("instances of " + service + ": " + answer.status() + " " + answer.body());
        }
        return answer.json().valueStream().toList();
    }

    /** Checks at once, then every 20 ms (a resume is timed by it); gives up after {@code limit}. */
    static void await(Duration limit, BooleanSupplier condition) {
        Awaitility.await().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(20)).atMost(limit)
                .until(condition::getAsBoolean);
    }
}
