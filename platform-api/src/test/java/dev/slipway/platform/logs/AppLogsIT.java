package dev.slipway.platform.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.slipway.platform.runtime.Container;
import dev.slipway.platform.runtime.ContainerOutput.Stream;
import dev.slipway.platform.support.EventStreamClient;
import dev.slipway.platform.support.RunningSlipway;
import dev.slipway.platform.support.SlipwayApi.Answer;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A service's application log over the API: JSON lines narrowed by instance, time and count;
 * followed live as server-sent events; resumed with {@code Last-Event-ID}; bad requests explained.
 * Lines are fed straight into the store, as the runtimes feed it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AppLogsIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    static Path home;

    private RunningSlipway slipway;
    private AppLogs logs;

    @BeforeAll
    void start() {
        // A short request timeout shows that a followed log is not cut off by it.
        slipway = RunningSlipway.start(home, "process", Map.of("spring.mvc.async.request-timeout", "2s"));
        logs = slipway.bean(AppLogs.class);
    }

    @AfterAll
    void stop() {
        slipway.close();
    }

    @Test
    void linesComeAsJsonNarrowedByInstanceTimeAndCount() {
        var web1 = service("logs-json", "i-1");
        var web2 = new Container("c-2", "logs-json", "d-1", "i-2", "127.0.0.1:2");
        var now = Instant.now();
        for (int i = 1; i <= 150; i++) {
            var time = i <= 140 ? now.minus(2, ChronoUnit.HOURS) : now.minus(1, ChronoUnit.MINUTES);
            logs.line(i % 2 == 0 ? web2 : web1, time, i % 3 == 0 ? Stream.STDERR : Stream.STDOUT, "line " + i);
        }

        var all = lines("/api/v1/services/logs-json/logs");
        assertThat(all).hasSize(100);
        assertThat(all.get(99).get("seq").asLong()).isEqualTo(150);
        var last = all.get(99);
        assertThat(last.get("time").asString()).isEqualTo(now.minus(1, ChronoUnit.MINUTES).toString());
        assertThat(last.get("instance").asString()).isEqualTo("i-2");
        assertThat(last.get("container").asString()).isEqualTo("c-2");
        assertThat(last.get("stream").asString()).isEqualTo("stderr");
        assertThat(last.get("text").asString()).isEqualTo("line 150");
        assertThat(seqs("/api/v1/services/logs-json/logs?tail=3")).containsExactly(148L, 149L, 150L);
        assertThat(seqs("/api/v1/services/logs-json/logs?since=10m")).hasSize(10).endsWith(150L);
        assertThat(seqs("/api/v1/services/logs-json/logs?since=" + now.minus(90, ChronoUnit.MINUTES)))
                .hasSize(10).startsWith(141L);
        assertThat(seqs("/api/v1/services/logs-json/logs?since=3h")).hasSize(150);
        assertThat(seqs("/api/v1/services/logs-json/logs?instance=i-1&tail=2")).containsExactly(147L, 149L);
        assertThat(seqs("/api/v1/services/logs-json/logs?instance=i-none")).isEmpty();
    }

    @Test
    void badParametersAre400NamingTheParameterAndItsForms() {
        service("logs-bad", "i-1");

        assertBadRequest("/api/v1/services/logs-bad/logs?tail=0", "tail must be a whole number of lines from 1 to 10000");
        assertBadRequest("/api/v1/services/logs-bad/logs?tail=10001", "tail must be");
        assertBadRequest("/api/v1/services/logs-bad/logs?tail=lots", "tail must be");
        assertBadRequest("/api/v1/services/logs-bad/logs?since=yesterday", "since must be an ISO-8601 instant");
        assertBadRequest("/api/v1/services/logs-bad/logs?since=-5m", "such as 30s, 10m, 2h or 1d");
        assertBadRequest("/api/v1/services/logs-bad/logs?instance=", "instance must be an instance id");
        assertBadRequest("/api/v1/services/logs-bad/logs?follow=maybe", "follow must be true");
        assertBadRequest("/api/v1/services/logs-bad/logs?follow=true&tail=0", "tail must be");
    }

    @Test
    void aBadLastEventIdIs400() throws IOException {
        service("logs-bad-id", "i-1");

        try (var stream = EventStreamClient.open(slipway.baseUrl() + "/api/v1/services/logs-bad-id/logs?follow=true",
                RunningSlipway.TOKEN, "the-third")) {
            assertThat(stream.response().statusCode()).isEqualTo(400);
            assertThat(stream.response().headers().firstValue("Content-Type")).hasValueSatisfying(
                    t -> assertThat(t).startsWith("application/problem+json"));
        }
    }

    @Test
    void logsOfAnUnknownServiceAre404() {
        var answer = slipway.api().get("/api/v1/services/nothing-here/logs");
        var followed = slipway.api().get("/api/v1/services/nothing-here/logs?follow=true");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(followed.status()).isEqualTo(404);
    }

    @Test
    void followSendsTheStoredLinesThenEachNewLineWhileTheStreamStaysOpen() throws Exception {
        var web = service("logs-follow", "i-1");
        for (int i = 1; i <= 3; i++) {
            logs.line(web, Instant.now(), Stream.STDOUT, "stored " + i);
        }

        try (var stream = follow("logs-follow", "", null)) {
            assertThat(stream.response().statusCode()).isEqualTo(200);
            assertThat(stream.response().headers().firstValue("Content-Type"))
                    .hasValueSatisfying(t -> assertThat(t).startsWith("text/event-stream"));
            assertThat(stream.response().headers().firstValue("Cache-Control")).hasValue("no-cache");
            assertThat(stream.response().headers().firstValue("X-Accel-Buffering")).hasValue("no");
            await().atMost(Duration.ofSeconds(30)).until(() -> stream.events("line").size() == 3);
            // Longer than the request timeout: the stream stays open until the client leaves.
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(stream::isOpen);

            logs.line(web, Instant.now(), Stream.STDERR, "written while following");

            await().atMost(Duration.ofSeconds(30)).until(() -> stream.events("line").size() == 4);
            assertThat(stream.isOpen()).isTrue();
            var events = stream.events("line");
            assertThat(events).extracting(EventStreamClient.Event::id).containsExactly("1", "2", "3", "4");
            var live = JSON.readTree(events.get(3).data());
            assertThat(live.get("text").asString()).isEqualTo("written while following");
            assertThat(live.get("stream").asString()).isEqualTo("stderr");
            assertThat(live.get("instance").asString()).isEqualTo("i-1");
        }
    }

    @Test
    void followResumesAfterTheLastEventIdTheClientSaw() throws Exception {
        var web = service("logs-resume", "i-1");
        for (int i = 1; i <= 5; i++) {
            logs.line(web, Instant.now(), Stream.STDOUT, "line " + i);
        }

        try (var stream = follow("logs-resume", "&tail=1", "3")) {
            await().atMost(Duration.ofSeconds(30)).until(() -> stream.events("line").size() == 2);
            logs.line(web, Instant.now(), Stream.STDOUT, "line 6");

            await().atMost(Duration.ofSeconds(30)).until(() -> stream.events("line").size() == 3);
            assertThat(stream.events("line")).extracting(EventStreamClient.Event::id).containsExactly("4", "5", "6");
            assertThat(stream.isOpen()).isTrue();
        }
    }

    @Test
    void followOfOneInstanceSendsOnlyItsLines() throws Exception {
        var first = service("logs-one", "i-1");
        var second = new Container("c-2", "logs-one", "d-1", "i-2", "127.0.0.1:2");

        var opening = System.nanoTime();
        try (var stream = follow("logs-one", "&instance=i-2", null)) {
            // With nothing to send yet, the stream still starts at once (not with the first keep-alive).
            assertThat(Duration.ofNanos(System.nanoTime() - opening))
                    .isLessThan(Duration.ofSeconds(EventStreams.KEEP_ALIVE_SECONDS - 5));
            logs.line(first, Instant.now(), Stream.STDOUT, "from the first");
            logs.line(second, Instant.now(), Stream.STDOUT, "from the second");

            await().atMost(Duration.ofSeconds(30)).until(() -> stream.events("line").size() == 1);
            assertThat(JSON.readTree(stream.events("line").get(0).data()).get("text").asString())
                    .isEqualTo("from the second");
        }
    }

    @Test
    void stoppingSlipwayEndsTheStreamsOfFollowedLogsAtOnce(@TempDir Path otherHome) {
        var other = RunningSlipway.start(otherHome, "process");
        assertThat(other.api().createService("logs-stop").status()).isEqualTo(201);
        var stream = EventStreamClient.open(other.baseUrl() + "/api/v1/services/logs-stop/logs?follow=true",
                RunningSlipway.TOKEN, null);
        assertThat(stream.response().statusCode()).isEqualTo(200);

        var started = System.nanoTime();
        other.close();

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(15));
        await().atMost(Duration.ofSeconds(10)).until(() -> !stream.isOpen());
    }

    private Container service(String name, String instance) {
        assertThat(slipway.api().createService(name).status()).isEqualTo(201);
        return new Container("c-1", name, "d-1", instance, "127.0.0.1:1");
    }

    private EventStreamClient follow(String service, String parameters, String lastEventId) {
        return EventStreamClient.open(slipway.baseUrl() + "/api/v1/services/" + service + "/logs?follow=true"
                + parameters, RunningSlipway.TOKEN, lastEventId);
    }

    private List<JsonNode> lines(String path) {
        var answer = slipway.api().get(path);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json().valueStream().toList();
    }

    private List<Long> seqs(String path) {
        return lines(path).stream().map(l -> l.get("seq").asLong()).toList();
    }

    private void assertBadRequest(String path, String detail) {
        Answer answer = slipway.api().get(path);
        assertThat(answer.status()).as(path).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().get("detail").asString()).contains(detail);
    }
}
