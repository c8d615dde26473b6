package dev.slipway.platform.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Slipway's REST API over real HTTP, as a script or CI job would call it. */
public final class SlipwayApi {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final String token;

    SlipwayApi(String baseUrl, String token) {
        this.baseUrl = baseUrl;
        this.token = token;
    }

    /** An HTTP answer: status, headers and the body parsed as JSON when it is JSON. */
    public record Answer(int status, String contentType, String body) {

        public JsonNode json() {
            return JSON.readTree(body);
        }
    }

    public Answer createService(String name) {
        return post("/api/v1/services", Map.of("name", name, "source", Map.of("type", "git-push")));
    }

    public JsonNode service(String name) {
        return ok(get("/api/v1/services/" + name)).json();
    }

    public List<JsonNode> deployments(String service) {
        var list = ok(get("/api/v1/services/" + service + "/deployments")).json();
        return list.valueStream().toList();
    }

    /** The ids of every deployment of every service, e.g. to remove their images after a test. */
    public java.util.Set<String> allDeploymentIds() {
        var ids = new java.util.HashSet<String>();
        for (var service : get("/api/v1/services").json().valueStream().toList()) {
            deployments(service.get("name").asString()).forEach(d -> ids.add(d.get("id").asString()));
        }
        return ids;
    }

    public JsonNode latestDeployment(String service) {
        return deployments(service).get(0);
    }

    public Answer get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET(), token);
    }

    public Answer post(String path, Object body) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))), token);
    }

    public Answer postText(String path, String contentType, String body) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)), token);
    }

    /** A PATCH with a JSON body given as text. */
    public Answer patch(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json)), token);
    }

    public Answer delete(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).DELETE(), token);
    }

    /** A request sent with the given token instead of the right one ({@code null}: none). */
    public Answer getWithToken(String path, String otherToken) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET(), otherToken);
    }

    private Answer send(HttpRequest.Builder request, String bearer) {
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        try {
            var response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Answer ok(Answer answer) {
        if (answer.status() / 100 != 2) {
            throw new AssertionError("expected a 2xx answer, got " + answer.status() + ": " + answer.body());
        }
        return answer;
    }
}
