package dev.slipway.router;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * The control API: {@code GET}/{@code PUT /routes}, {@code GET /drained}, {@code GET /demand}, {@code GET /load},
 * {@code GET /metrics} and {@code GET /health}, each behind {@code Authorization: Bearer <token>}. Errors are problem+json.
 */
final class ControlApi implements HttpHandler {

    static final int MAX_BODY_BYTES = 16 * 1024 * 1024;
    static final Duration DEFAULT_DRAIN_WAIT = Duration.ofSeconds(30);
    static final Duration MAX_DRAIN_WAIT = Duration.ofHours(1);
    static final String JSON = "application/json";
    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final Router router;
    private final StateFileWatcher state;
    private final PrometheusMeterRegistry registry;
    private final byte[] token;

    ControlApi(Router router, StateFileWatcher state, PrometheusMeterRegistry registry, String token) {
        this.router = router;
        this.state = state;
        this.registry = registry;
        this.token = ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!authorized(exchange)) {
                exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"slipway-router\"");
                problem(exchange, 401, "Unauthorized", "Send 'Authorization: Bearer <token>' with the router's control token.");
                return;
            }
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            switch (path) {
                case "/routes" -> {
                    if (method.equals("GET")) {
                        send(exchange, 200, JSON, RouteStateFile.format(router.routes()));
                    } else if (method.equals("PUT")) {
                        putRoutes(exchange);
                    } else {
                        notAllowed(exchange, "GET, PUT");
                    }
                }
                case "/drained" -> onlyGet(exchange, method, this::drained);
                case "/metrics" -> onlyGet(exchange, method,
                        e -> send(e, 200, PROMETHEUS_TEXT, registry.scrape()));
                case "/health" -> onlyGet(exchange, method, this::health);
                case "/demand" -> onlyGet(exchange, method, this::demand);
                case "/load" -> onlyGet(exchange, method, this::load);
                default -> problem(exchange, 404, "Not Found",
                        "No such control endpoint; use /routes, /drained, /demand, /load, /metrics or /health.");
            }
        }
    }

    private interface Endpoint {
        void serve(HttpExchange exchange) throws IOException;
    }

    private static void onlyGet(HttpExchange exchange, String method, Endpoint endpoint) throws IOException {
        if (method.equals("GET")) {
            endpoint.serve(exchange);
        } else {
            notAllowed(exchange, "GET");
        }
    }

    private boolean authorized(HttpExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        return header != null && MessageDigest.isEqual(header.strip().getBytes(StandardCharsets.UTF_8), token);
    }

    private void putRoutes(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readNBytes(MAX_BODY_BYTES + 1);
        }
        if (body.length > MAX_BODY_BYTES) {
            problem(exchange, 413, "Content Too Large", "Route state is limited to " + MAX_BODY_BYTES + " bytes.");
            return;
        }
        RouteTable table;
        try {
            table = RouteStateFile.parse(new String(body, StandardCharsets.UTF_8), "request body");
        } catch (InvalidRouteStateException e) {
            Map<String, Object> located = new LinkedHashMap<>();
            located.put("line", e.line());
            located.put("column", e.column());
            problem(exchange, 400, "Bad Request", e.getMessage(), located);
            return;
        }
        try {
            state.write(table);
        } catch (IOException e) {
            problem(exchange, 500, "Internal Server Error",
                    "Cannot write the route state file (" + e.getMessage() + "); the routes were not changed.");
            return;
        } catch (IllegalStateException e) {
            problem(exchange, 503, "Service Unavailable", e.getMessage());
            return;
        }
        send(exchange, 200, JSON, RouteStateFile.format(router.routes()));
    }

    private void drained(HttpExchange exchange) throws IOException {
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        String address = query.get("address");
        Duration timeout;
        try {
            TargetAddress.parse(address == null ? "" : address);
            timeout = waitTimeout(query);
        } catch (IllegalArgumentException e) {
            problem(exchange, 400, "Bad Request", "Give ?address=host:port&timeout=30s. " + e.getMessage());
            return;
        }
        boolean drained;
        try {
            drained = router.awaitDrained(address, timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            problem(exchange, 503, "Service Unavailable", "The router is stopping.");
            return;
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("address", address);
        result.put("drained", drained);
        result.put("inFlight", router.inFlight(address));
        if (drained) {
            send(exchange, 200, JSON, JsonMapper.shared().writeValueAsString(result));
        } else {
            problem(exchange, 409, "Conflict", result.get("inFlight") + " request(s) or WebSocket(s) still in flight to "
                    + address + " after " + Durations.format(timeout) + ".", result);
        }
    }

    private void demand(HttpExchange exchange) throws IOException {
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        long after;
        Duration timeout;
        try {
            after = query.containsKey("after") ? Long.parseLong(query.get("after")) : 0;
            timeout = waitTimeout(query);
        } catch (NumberFormatException e) {
            problem(exchange, 400, "Bad Request", "Give ?after=N&timeout=30s. 'after' must be a whole number, the "
                    + "generation of the last answer (0 at first).");
            return;
        } catch (IllegalArgumentException e) {
            problem(exchange, 400, "Bad Request", "Give ?after=N&timeout=30s. " + e.getMessage());
            return;
        }
        Demand demand;
        try {
            demand = router.awaitDemand(after, timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            problem(exchange, 503, "Service Unavailable", "The router is stopping.");
            return;
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("generation", demand.generation());
        result.put("services", demand.services());
        send(exchange, 200, JSON, JsonMapper.shared().writeValueAsString(result));
    }

    private void load(HttpExchange exchange) throws IOException {
        Map<String, Object> services = new LinkedHashMap<>();
        router.load().forEach((service, load) -> {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("requests", load.requests());
            json.put("inFlight", load.inFlight());
            json.put("queued", load.queued());
            json.put("targets", load.inFlightByTarget());
            services.put(service, json);
        });
        send(exchange, 200, JSON, JsonMapper.shared().writeValueAsString(Map.of("services", services)));
    }

    /** The {@code timeout} of a waiting call: default {@link #DEFAULT_DRAIN_WAIT}, at most {@link #MAX_DRAIN_WAIT}. */
    private static Duration waitTimeout(Map<String, String> query) {
        Duration timeout = query.containsKey("timeout") ? Durations.parse(query.get("timeout")) : DEFAULT_DRAIN_WAIT;
        if (timeout.compareTo(MAX_DRAIN_WAIT) > 0) {
            throw new IllegalArgumentException("'timeout' may be at most " + Durations.format(MAX_DRAIN_WAIT));
        }
        return timeout;
    }

    private void health(HttpExchange exchange) throws IOException {
        Map<String, Object> health = new LinkedHashMap<>();
        health.put("status", "UP");
        health.put("port", router.port());
        health.put("routes", router.routes().routes().size());
        health.put("connections", router.openConnections());
        send(exchange, 200, JSON, JsonMapper.shared().writeValueAsString(health));
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> values = new LinkedHashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int equals = pair.indexOf('=');
                String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
                String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
                values.putIfAbsent(name, value);
            }
        }
        return values;
    }

    private static void notAllowed(HttpExchange exchange, String allowed) throws IOException {
        exchange.getResponseHeaders().set("Allow", allowed);
        problem(exchange, 405, "Method Not Allowed", "This endpoint takes " + allowed + ".");
    }

    private static void problem(HttpExchange exchange, int status, String title, String detail) throws IOException {
        problem(exchange, status, title, detail, Map.of());
    }

    private static void problem(HttpExchange exchange, int status, String title, String detail,
                                Map<String, Object> extensions) throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        problem.putAll(extensions);
        send(exchange, status, ErrorResponses.PROBLEM_JSON, JsonMapper.shared().writeValueAsString(problem));
    }

    private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
