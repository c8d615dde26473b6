package dev.slipway.platform.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.slipway.platform.support.AppRepository;
import dev.slipway.platform.support.RunningSlipway;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A deployment's log: every build line with its time, phase and stream, stored and readable
 * afterwards, followable live as server-sent events while the build runs, secrets masked.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeploymentLogsIT {

    private static final String SECRET = "s3cr3t-Key-Value-42";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    static Path home;

    @TempDir
    static Path work;

    private RunningSlipway slipway;

    @BeforeAll
    void start() {
        slipway = RunningSlipway.start(home, "process");
        var created = slipway.api().post("/api/v1/services", Map.of("name", "logged",
                "s3", Map.of("endpoint", "http://127.0.0.1:9", "accessKeyId", "AKIDEXAMPLE", "secretAccessKey", SECRET)));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("s3").get("secretAccessKey").asString()).isEqualTo("****");
    }

    @AfterAll
    void stop() {
        slipway.close();
    }

    @Test
    void storesEveryLineWithTimePhaseAndStreamAndMasksSecrets() {
        var app = AppRepository.fromExample("hello-python", work.resolve("stored"))
                .edit("apprunner.yaml", "- python3 -m compileall -q .",
                        "- echo compiled to stdout\n      - echo warned on stderr >&2\n"
                                + "      - echo \"secret is $AWS_SECRET_ACCESS_KEY\"");
        app.commit("Noisy build");

        var push = app.push(slipway.gitUrl("logged"), RunningSlipway.TOKEN);

        assertThat(push.accepted()).as(push.text()).isTrue();
        assertThat(push.text()).contains("secret is ****").doesNotContain(SECRET);
        var id = slipway.api().latestDeployment("logged").get("id").asString();
        var lines = slipway.api().get("/api/v1/services/logged/deployments/" + id + "/logs").json()
                .valueStream().toList();
        assertThat(lines).extracting(l -> l.get("seq").asLong()).isSorted().doesNotHaveDuplicates();
        assertThat(lines).allSatisfy(l -> assertThat(l.get("time").asString()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z"));
        assertThat(lines).anySatisfy(l -> assertLine(l, "build", "stdout", "compiled to stdout"))
                .anySatisfy(l -> assertLine(l, "build", "stderr", "warned on stderr"))
                .anySatisfy(l -> assertLine(l, "build", "stdout", "secret is ****"))
                .anySatisfy(l -> assertLine(l, "health checking", "system", "-----> health checking"));
        assertThat(lines).noneSatisfy(l -> assertThat(l.get("text").asString()).contains(SECRET));
    }

    @Test
    void followStreamsLinesLiveUntilTheDeploymentEnds() throws Exception {
        var app = AppRepository.fromExample("hello-python", work.resolve("followed"))
                .edit("apprunner.yaml", "- python3 -m compileall -q .",
                        "- echo before the pause\n      - sleep 2\n      - echo after the pause");
        app.commit("Slow build");
        var push = CompletableFuture.supplyAsync(() -> app.push(slipway.gitUrl("logged"), RunningSlipway.TOKEN));
        await().atMost(Duration.ofSeconds(30)).until(() -> slipway.api().deployments("logged").stream()
                .anyMatch(d -> d.get("status").asString().equals("IN_PROGRESS")));
        var id = slipway.api().latestDeployment("logged").get("id").asString();

        var events = follow("/api/v1/services/logged/deployments/" + id + "/logs?follow=true");

        assertThat(push.get().accepted()).isTrue();
        assertThat(events).extracting(e -> e.name).endsWith("end");
        assertThat(events.get(events.size() - 1).data).isEqualTo("{\"status\":\"SUCCEEDED\"}");
        var texts = events.stream().filter(e -> e.name.equals("line")).map(e -> JSON.readTree(e.data).get("text").asString())
                .toList();
        assertThat(texts).containsSubsequence("before the pause", "after the pause");
        assertThat(texts.get(texts.size() - 1)).matches("Deployment \\d+ succeeded");
        var ids = events.stream().filter(e -> e.name.equals("line")).map(e -> Long.parseLong(e.id)).toList();
        assertThat(ids).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void followResumesAfterTheLastEventIdAClientSaw() throws Exception {
        var app = AppRepository.fromExample("hello-python", work.resolve("resumed"));
        var push = app.push(slipway.gitUrl("logged"), RunningSlipway.TOKEN);
        assertThat(push.accepted()).as(push.text()).isTrue();
        var id = slipway.api().latestDeployment("logged").get("id").asString();
        var stored = slipway.api().get("/api/v1/services/logged/deployments/" + id + "/logs").json()
                .valueStream().map(l -> l.get("seq").asLong()).toList();
        long seen = stored.get(stored.size() / 2);

        var events = follow("/api/v1/services/logged/deployments/" + id + "/logs?follow=true", Long.toString(seen));

        assertThat(events.stream().filter(e -> e.name.equals("line")).map(e -> Long.parseLong(e.id)))
                .containsExactlyElementsOf(stored.stream().filter(seq -> seq > seen).toList());
        assertThat(events).extracting(e -> e.name).endsWith("end");
    }

    @Test
    void logsOfAnUnknownDeploymentAre404() {
        var answer = slipway.api().get("/api/v1/services/logged/deployments/dnothing/logs");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.contentType()).startsWith("application/problem+json");
    }

    private static void assertLine(JsonNode line, String phase, String stream, String text) {
        assertThat(line.get("phase").asString()).isEqualTo(phase);
        assertThat(line.get("stream").asString()).isEqualTo(stream);
        assertThat(line.get("text").asString()).isEqualTo(text);
    }

    /** One server-sent event. */
    private record Event(String id, String name, String data) {
    }

    private List<Event> follow(String path) throws Exception {
        return follow(path, null);
    }

    /** Follows {@code path} to its end, resuming after {@code lastEventId} when it is not null. */
    private List<Event> follow(String path, String lastEventId) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(slipway.baseUrl() + path))
                .header("Authorization", "Bearer " + RunningSlipway.TOKEN)
                .header("Accept", "text/event-stream").timeout(Duration.ofMinutes(2));
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        var response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("text/event-stream"));
        var events = new ArrayList<Event>();
        try (var reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String id = null;
            String name = null;
            String data = null;
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isEmpty()) {
                    if (name != null) {
                        events.add(new Event(id, name, data));
                    }
                    id = name = data = null;
                } else if (line.startsWith("id: ")) {
                    id = line.substring(4);
                } else if (line.startsWith("event: ")) {
                    name = line.substring(7);
                } else if (line.startsWith("data: ")) {
                    data = line.substring(6);
                }
            }
        }
        return events;
    }
}
