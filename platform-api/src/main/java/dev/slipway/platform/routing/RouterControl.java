package dev.slipway.platform.routing;

import dev.slipway.router.InvalidRouteStateException;
import dev.slipway.router.RouteStateFile;
import dev.slipway.router.RouteTable;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.OptionalInt;
import tools.jackson.databind.json.JsonMapper;

/**
 * The router process's control API (see docs/router.md) on loopback. Methods throw {@link IOException}
 * when the router cannot be reached or cannot serve the call right now (it is down or restarting), and
 * {@link RouterUnavailableException} when it refuses Slipway's token, which waiting does not fix.
 */
final class RouterControl {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(1);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);
    /** How much longer than the drain wait itself Slipway waits for the router's answer. */
    private static final Duration DRAIN_ANSWER_SLACK = Duration.ofSeconds(5);

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(CONNECT_TIMEOUT).build();
    private final URI base;
    private final String authorization;

    RouterControl(int controlPort, String token) {
        this.base = URI.create("http://127.0.0.1:" + controlPort);
        this.authorization = "Bearer " + token;
    }

    int port() {
        return base.getPort();
    }

    /** The port the router serves apps on, or empty when it does not answer as Slipway's router. */
    OptionalInt health() {
        try {
            String body = call(request("/health", CALL_TIMEOUT).GET(), 200).body();
            return OptionalInt.of(JsonMapper.shared().readTree(body).required("port").asInt());
        } catch (IOException | RuntimeException e) {
            return OptionalInt.empty();
        }
    }

    /** Replaces the routes; returns once the router serves them and has them in its state file. */
    void putRoutes(RouteTable table) throws IOException {
        call(request("/routes", CALL_TIMEOUT).PUT(HttpRequest.BodyPublishers.ofString(RouteStateFile.format(table))), 200);
    }

    RouteTable routes() throws IOException {
        try {
            return RouteStateFile.parse(call(request("/routes", CALL_TIMEOUT).GET(), 200).body(), "GET /routes");
        } catch (InvalidRouteStateException e) {
            throw new IOException("the router answered GET /routes with invalid route state: " + e.getMessage(), e);
        }
    }

    /** Whether nothing is in flight to {@code address} any more, waiting at most {@code timeout}. */
    boolean drained(String address, Duration timeout) throws IOException {
        String path = "/drained?address=" + URLEncoder.encode(address, StandardCharsets.UTF_8)
                + "&timeout=" + Math.max(1, timeout.toMillis()) + "ms";
        HttpResponse<String> response = call(request(path, timeout.plus(DRAIN_ANSWER_SLACK)).GET(), 200, 409, 400);
        if (response.statusCode() == 400) {
            throw new IllegalArgumentException("The router cannot wait for '" + address + "': " + response.body());
        }
        return response.statusCode() == 200;
    }

    /** {@code GET /load}: every routed service's requests now. */
    Map<String, ServiceTraffic> load() throws IOException {
        var services = JsonMapper.shared().readTree(call(request("/load", CALL_TIMEOUT).GET(), 200).body())
                .required("services");
        var traffic = new HashMap<String, ServiceTraffic>();
        for (var entry : services.properties()) {
            var load = entry.getValue();
            var targets = new HashMap<String, Integer>();
            load.path("targets").properties().forEach(t -> targets.put(t.getKey(), t.getValue().asInt()));
            traffic.put(entry.getKey(), new ServiceTraffic(load.required("requests").asLong(),
                    load.required("inFlight").asInt(), load.required("queued").asInt(), targets));
        }
        return traffic;
    }

    /** {@code GET /demand}: waits for requests waiting for a service without instances, after {@code after}. */
    Demand demand(long after, Duration timeout) throws IOException {
        var path = "/demand?after=" + after + "&timeout=" + Math.max(1, timeout.toMillis()) + "ms";
        var body = JsonMapper.shared().readTree(call(request(path, timeout.plus(DRAIN_ANSWER_SLACK)).GET(), 200).body());
        var services = new HashSet<String>();
        body.required("services").forEach(name -> services.add(name.asString()));
        return new Demand(body.required("generation").asLong(), services);
    }

    /** The router's metrics in Prometheus' text format. */
    String metrics() throws IOException {
        return call(request("/metrics", CALL_TIMEOUT).GET(), 200).body();
    }

    private HttpRequest.Builder request(String path, Duration timeout) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(timeout).header("Authorization", authorization);
    }

    private HttpResponse<String> call(HttpRequest.Builder request, int... expected) throws IOException {
        HttpRequest built = request.build();
        HttpResponse<String> response;
        try {
            response = client.send(built, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while calling the router", e);
        }
        for (int status : expected) {
            if (response.statusCode() == status) {
                return response;
            }
        }
        if (response.statusCode() == 401) {
            throw new RouterUnavailableException("The router on control port " + port() + " refused Slipway's "
                    + "control token. Give Slipway the token the router runs with (" + ControlToken.VARIABLE
                    + " or router/" + ControlToken.FILE_NAME + "), or stop that router so Slipway starts its own.");
        }
        throw new IOException("the router answered " + built.method() + " " + built.uri().getPath() + " with "
                + response.statusCode() + ": " + response.body());
    }
}
