package dev.slipway.router;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The standalone router's token-protected control port. */
class ControlApiIT {

    private static final String TOKEN = "s3cret-router-token";
    private static final Duration POLL = Duration.ofMillis(50);

    @TempDir
    Path directory;
    private final CountDownLatch release = new CountDownLatch(1);
    private final TestBackend first = TestBackend.start("first");
    private final TestBackend slow = TestBackend.start("slow", exchange -> {
        try {
            release.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        exchange.sendResponseHeaders(200, 4);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write("slow".getBytes());
        }
    });
    private StandaloneRouter standalone;

    @AfterEach
    void stop() {
        release.countDown();
        if (standalone != null) {
            standalone.close();
        }
        first.close();
        slow.close();
    }

    @Test
    void refusesCallsWithoutTheToken() throws Exception {
        standalone = launch(directory.resolve("routes.json"));

        HttpResponse<String> anonymous = control("GET", "/routes", null, null);
        HttpResponse<String> wrong = control("GET", "/health", "Bearer not-the-token", null);

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"slipway-router\"");
        assertThat(anonymous.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(wrong.statusCode()).isEqualTo(401);
    }

    @Test
    void replacesTheRoutesRewritesTheStateFileAndServesThemAgainAfterARestart() throws Exception {
        Path state = directory.resolve("routes.json");
        standalone = launch(state);
        String routes = "{\"routes\": [{\"host\": \"app.localhost\", \"requestTimeout\": \"90s\", "
                + "\"targets\": [{\"address\": \"" + first.address() + "\"}]}]}";

        HttpResponse<String> put = control("PUT", "/routes", "Bearer " + TOKEN, routes);

        assertThat(put.statusCode()).isEqualTo(200);
        RouteTable expected = RouteTable.of(List.of(
                Route.of("app.localhost", first.address()).withRequestTimeout(Duration.ofSeconds(90))));
        assertThat(RouteStateFile.parse(put.body(), "response")).isEqualTo(expected);
        assertThat(RouteStateFile.read(state)).isEqualTo(expected);
        assertThat(Files.readString(state)).isEqualTo(RouteStateFile.format(expected));
        assertThat(RouteStateFile.parse(control("GET", "/routes", "Bearer " + TOKEN, null).body(), "get"))
                .isEqualTo(expected);
        assertThat(TestClient.get(standalone.port(), "app.localhost").body()).isEqualTo("first");

        standalone.close();
        standalone = launch(state);

        assertThat(TestClient.get(standalone.port(), "app.localhost").body()).isEqualTo("first");
        assertThat(RouteStateFile.parse(control("GET", "/routes", "Bearer " + TOKEN, null).body(), "get"))
                .isEqualTo(expected);
    }

    @Test
    void answers400WithTheLocationOfTheProblemAndKeepsTheRoutes() throws Exception {
        Path state = directory.resolve("routes.json");
        RouteStateFile.write(state, RouteTable.of(List.of(Route.of("app.localhost", first.address()))));
        standalone = launch(state);
        String before = Files.readString(state);

        HttpResponse<String> put = control("PUT", "/routes", "Bearer " + TOKEN,
                "{\"routes\": [\n  {\"host\": \"app.localhost\", \"targets\": [{\"address\": \"nowhere\"}]}\n]}");

        assertThat(put.statusCode()).isEqualTo(400);
        assertThat(put.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = JsonMapper.shared().readTree(put.body());
        assertThat(problem.get("line").asInt()).isEqualTo(2);
        assertThat(problem.get("column").asInt()).isGreaterThan(1);
        assertThat(problem.get("detail").asString()).startsWith("request body:2:").contains("Target address 'nowhere'");
        assertThat(Files.readString(state)).isEqualTo(before);
        assertThat(TestClient.get(standalone.port(), "app.localhost").body()).isEqualTo("first");
    }

    @Test
    void reportsWhetherAnAddressHasDrained() throws Exception {
        Path state = directory.resolve("routes.json");
        RouteStateFile.write(state, RouteTable.of(List.of(Route.of("app.localhost", slow.address()))));
        standalone = launch(state);
        CompletableFuture<HttpResponse<String>> pending = TestClient.HTTP.sendAsync(
                TestClient.request(standalone.port(), "app.localhost", "/").build(), HttpResponse.BodyHandlers.ofString());
        org.awaitility.Awaitility.await().until(() -> standalone.router().inFlight(slow.address()) == 1);
        control("PUT", "/routes", "Bearer " + TOKEN, "{\"routes\": []}");

        HttpResponse<String> busy = control("GET", "/drained?address=" + slow.address() + "&timeout=200ms",
                "Bearer " + TOKEN, null);

        assertThat(busy.statusCode()).isEqualTo(409);
        assertThat(JsonMapper.shared().readTree(busy.body()).get("inFlight").asInt()).isEqualTo(1);

        CompletableFuture<HttpResponse<String>> waiting = CompletableFuture.supplyAsync(() -> unchecked(() ->
                control("GET", "/drained?address=" + slow.address() + "&timeout=10s", "Bearer " + TOKEN, null)));
        release.countDown();

        HttpResponse<String> drained = waiting.get(10, TimeUnit.SECONDS);
        assertThat(drained.statusCode()).isEqualTo(200);
        assertThat(JsonMapper.shared().readTree(drained.body()).get("drained").asBoolean()).isTrue();
        assertThat(pending.get(10, TimeUnit.SECONDS).body()).isEqualTo("slow");
        assertThat(control("GET", "/drained?address=nowhere", "Bearer " + TOKEN, null).statusCode()).isEqualTo(400);
    }

    @Test
    void servesMetricsAndHealth() throws Exception {
        Path state = directory.resolve("routes.json");
        RouteStateFile.write(state, RouteTable.of(List.of(Route.of("app.localhost", first.address()).withService("app"))));
        standalone = launch(state);
        TestClient.get(standalone.port(), "app.localhost");
        // The request is counted once it has ended, just after its response reached the client.
        org.awaitility.Awaitility.await().until(() -> control("GET", "/metrics", "Bearer " + TOKEN, null).body()
                .contains("slipway_router_requests_total{service=\"app\"} 1"));

        HttpResponse<String> metrics = control("GET", "/metrics", "Bearer " + TOKEN, null);
        HttpResponse<String> health = control("GET", "/health", "Bearer " + TOKEN, null);

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
        assertThat(metrics.body()).contains("slipway_router_requests_total{service=\"app\"} 1")
                .contains("slipway_router_request_latency_seconds_bucket{service=\"app\",le=\"+Inf\"} 1");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(JsonMapper.shared().readTree(health.body()).get("routes").asInt()).isEqualTo(1);
        assertThat(control("POST", "/health", "Bearer " + TOKEN, "").statusCode()).isEqualTo(405);
        assertThat(control("GET", "/nothing", "Bearer " + TOKEN, null).statusCode()).isEqualTo(404);
    }

    @Test
    void longPollsForDemandAndReportsTheLoadOfEveryService() throws Exception {
        Path state = directory.resolve("routes.json");
        standalone = launch(state);
        control("PUT", "/routes", "Bearer " + TOKEN, "{\"routes\": ["
                + "{\"host\": \"hello.localhost\", \"service\": \"hello\", \"targets\": [],"
                + " \"admission\": {\"holdWhileEmpty\": true, \"queueDepth\": 5, \"queueTimeout\": \"30s\"}},"
                + "{\"host\": \"app.localhost\", \"service\": \"app\", \"targets\": [{\"address\": \"" + first.address() + "\"}]}]}");
        assertThat(TestClient.get(standalone.port(), "app.localhost").body()).isEqualTo("first");
        CompletableFuture<HttpResponse<String>> demand = CompletableFuture.supplyAsync(() -> unchecked(() ->
                control("GET", "/demand?after=0&timeout=20s", "Bearer " + TOKEN, null)));

        CompletableFuture<HttpResponse<String>> held = TestClient.HTTP.sendAsync(
                TestClient.request(standalone.port(), "hello.localhost", "/").build(), HttpResponse.BodyHandlers.ofString());

        HttpResponse<String> woken = demand.get(2, TimeUnit.SECONDS);
        assertThat(woken.statusCode()).isEqualTo(200);
        assertThat(woken.body()).isEqualTo("{\"generation\":1,\"services\":[\"hello\"]}");
        assertThat(held).isNotDone();
        HttpResponse<String> load = control("GET", "/load", "Bearer " + TOKEN, null);
        assertThat(load.statusCode()).isEqualTo(200);
        assertThat(load.body()).isEqualTo("{\"services\":{"
                + "\"hello\":{\"requests\":1,\"inFlight\":0,\"queued\":1,\"targets\":{}},"
                + "\"app\":{\"requests\":1,\"inFlight\":0,\"queued\":0,\"targets\":{\"" + first.address() + "\":0}}}}");

        control("PUT", "/routes", "Bearer " + TOKEN, "{\"routes\": [{\"host\": \"hello.localhost\", \"service\": \"hello\","
                + " \"targets\": [{\"address\": \"" + first.address() + "\"}], \"admission\": {\"holdWhileEmpty\": true}}]}");
        assertThat(held.get(10, TimeUnit.SECONDS).body()).isEqualTo("first");
        assertThat(control("GET", "/demand?after=1&timeout=10ms", "Bearer " + TOKEN, null).body())
                .isEqualTo("{\"generation\":1,\"services\":[]}");
        assertThat(control("GET", "/demand?after=x", "Bearer " + TOKEN, null).statusCode()).isEqualTo(400);
        assertThat(control("GET", "/demand?timeout=2h", "Bearer " + TOKEN, null).statusCode()).isEqualTo(400);
        assertThat(control("POST", "/load", "Bearer " + TOKEN, "").statusCode()).isEqualTo(405);
    }

    private StandaloneRouter launch(Path state) throws StandaloneRouter.LaunchException {
        return StandaloneRouter.launch(new String[] {"--port", "0", "--state", state.toString(), "--control-port", "0",
                "--access-log", "off"}, Map.of(StandaloneOptions.TOKEN_VARIABLE, TOKEN), POLL);
    }

    private HttpResponse<String> control(String method, String path, String authorization, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + standalone.controlPort() + path))
                .timeout(TestClient.TIMEOUT)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return TestClient.HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private interface Call<T> {
        T call() throws Exception;
    }

    private static <T> T unchecked(Call<T> call) {
        try {
            return call.call();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
