package dev.slipway.router;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the route state JSON token by token, so that every problem, syntactic or not, is reported with the
 * line and column where it is.
 */
final class RouteStateParser {

    static final String ROUTE_FIELDS =
            "'host', 'pathPrefix', 'service', 'targets', 'requestTimeout', 'maxBodySize' and 'admission'";

    private final JsonParser parser;
    private final String source;

    private RouteStateParser(JsonParser parser, String source) {
        this.parser = parser;
        this.source = source;
    }

    static RouteTable parse(String json, String source) throws InvalidRouteStateException {
        try (JsonParser parser = JsonMapper.shared().createParser(json)) {
            return new RouteStateParser(parser, source).document();
        } catch (JacksonException e) {
            TokenStreamLocation location = e.getLocation();
            int line = location == null ? 1 : Math.max(1, location.getLineNr());
            int column = location == null ? 1 : Math.max(1, location.getColumnNr());
            throw new InvalidRouteStateException(source, line, column, "invalid JSON: " + readable(e.getOriginalMessage()));
        }
    }

    /** Drops the parser's description of its input, which names no file and only adds noise. */
    private static String readable(String message) {
        return message.replaceAll(" \\(start marker at \\[Source: [^]]*]\\)", "");
    }

    private RouteTable document() throws InvalidRouteStateException {
        TokenStreamLocation start = expect(parser.nextToken(), JsonToken.START_OBJECT,
                "the file must hold a JSON object: {\"routes\": [...]}");
        List<Route> routes = null;
        List<TokenStreamLocation> hostLocations = new ArrayList<>();
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = parser.currentName();
            TokenStreamLocation at = parser.currentTokenLocation();
            if (!name.equals("routes")) {
                throw error(at, "unknown field '" + name + "'; the top level has only 'routes'");
            }
            if (routes != null) {
                throw error(at, "'routes' appears twice");
            }
            routes = routes(hostLocations);
        }
        if (routes == null) {
            throw error(start, "missing 'routes'; write {\"routes\": []} for no routes");
        }
        if (parser.nextToken() != null) {
            throw error(parser.currentTokenLocation(), "unexpected content after the top-level object");
        }
        return table(routes, hostLocations);
    }

    private List<Route> routes(List<TokenStreamLocation> hostLocations) throws InvalidRouteStateException {
        expect(parser.nextToken(), JsonToken.START_ARRAY, "'routes' must be an array of routes");
        List<Route> routes = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            routes.add(route(hostLocations));
        }
        return routes;
    }

    private Route route(List<TokenStreamLocation> hostLocations) throws InvalidRouteStateException {
        TokenStreamLocation start = expect(parser.currentToken(), JsonToken.START_OBJECT,
                "each route must be an object: {\"host\": ..., \"targets\": [...]}");
        String host = null;
        TokenStreamLocation hostAt = null;
        String pathPrefix = null;
        String service = null;
        Duration requestTimeout = null;
        Long maxBodySize = null;
        Admission admission = null;
        List<Target> targets = null;
        Set<String> seen = new HashSet<>();
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = parser.currentName();
            TokenStreamLocation at = parser.currentTokenLocation();
            rejectRepeat(!seen.add(name), at, name);
            switch (name) {
                case "host" -> {
                    host = string("host");
                    hostAt = parser.currentTokenLocation();
                }
                case "pathPrefix" -> pathPrefix = checked(string(name), PathPrefixes::check);
                case "service" -> service = checked(string(name), Route::checkService);
                case "requestTimeout" -> requestTimeout = requestTimeout();
                case "maxBodySize" -> maxBodySize = maxBodySize();
                case "admission" -> admission = AdmissionJson.read(this, parser);
                case "targets" -> targets = targets();
                default -> throw error(at, "unknown field '" + name + "' in a route; a route has " + ROUTE_FIELDS);
            }
        }
        if (host == null) {
            throw error(start, "route has no 'host'");
        }
        if (targets == null) {
            throw error(start, "route for '" + host + "' has no 'targets'; use [] for a host with no instance");
        }
        try {
            Route route = new Route(host, pathPrefix, targets, service, requestTimeout, maxBodySize, admission);
            hostLocations.add(hostAt);
            return route;
        } catch (IllegalArgumentException e) {
            throw error(hostAt, e.getMessage());
        }
    }

    /** Applies a check to the value just read, reporting its failure at the value. */
    private <T> T checked(T value, UnaryOperator<T> check) throws InvalidRouteStateException {
        TokenStreamLocation at = parser.currentTokenLocation();
        try {
            return check.apply(value);
        } catch (IllegalArgumentException e) {
            throw error(at, e.getMessage());
        }
    }

    /** A duration string such as {@code "90s"}, or a whole number of seconds. */
    private Duration requestTimeout() throws InvalidRouteStateException {
        JsonToken token = parser.nextToken();
        TokenStreamLocation at = parser.currentTokenLocation();
        try {
            Duration timeout;
            if (token == JsonToken.VALUE_NUMBER_INT) {
                timeout = Duration.ofSeconds(parser.getLongValue());
            } else if (token == JsonToken.VALUE_STRING) {
                timeout = Durations.parse(parser.getString());
            } else {
                throw error(at, "'requestTimeout' must be a duration such as \"90s\", \"15m\" or \"2h\"");
            }
            if (!Route.allowedRequestTimeout(timeout)) {
                throw error(at, "'requestTimeout' must be more than 0 and at most "
                        + Route.MAX_REQUEST_TIMEOUT.toHours() + "h");
            }
            return timeout;
        } catch (IllegalArgumentException e) {
            throw error(at, e.getMessage());
        }
    }

    private Long maxBodySize() throws InvalidRouteStateException {
        expect(parser.nextToken(), JsonToken.VALUE_NUMBER_INT, "'maxBodySize' must be a whole number of bytes");
        long bytes = parser.getLongValue();
        if (bytes < 0) {
            throw error(parser.currentTokenLocation(), "'maxBodySize' must be 0 or more bytes");
        }
        return bytes;
    }

    private List<Target> targets() throws InvalidRouteStateException {
        expect(parser.nextToken(), JsonToken.START_ARRAY, "'targets' must be an array of targets");
        List<Target> targets = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            targets.add(target());
        }
        return targets;
    }

    private Target target() throws InvalidRouteStateException {
        TokenStreamLocation start = expect(parser.currentToken(), JsonToken.START_OBJECT,
                "each target must be an object: {\"address\": \"127.0.0.1:9001\", \"weight\": 100}");
        String address = null;
        TokenStreamLocation addressAt = start;
        Integer weight = null;
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = parser.currentName();
            TokenStreamLocation at = parser.currentTokenLocation();
            switch (name) {
                case "address" -> {
                    rejectRepeat(address != null, at, name);
                    address = string("address");
                    addressAt = parser.currentTokenLocation();
                }
                case "weight" -> {
                    rejectRepeat(weight != null, at, name);
                    expect(parser.nextToken(), JsonToken.VALUE_NUMBER_INT, "'weight' must be a whole number");
                    weight = parser.getIntValue();
                }
                default -> throw error(at, "unknown field '" + name + "' in a target; a target has 'address' and 'weight'");
            }
        }
        if (address == null) {
            throw error(start, "target has no 'address' (host:port)");
        }
        try {
            return new Target(address, weight == null ? Target.FULL_WEIGHT : weight);
        } catch (IllegalArgumentException e) {
            throw error(addressAt, e.getMessage());
        }
    }

    private RouteTable table(List<Route> routes, List<TokenStreamLocation> hostLocations)
            throws InvalidRouteStateException {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < routes.size(); i++) {
            Route route = routes.get(i);
            if (!seen.add(route.host() + " " + route.pathPrefix())) {
                String message = RouteIndex.duplicate(route);
                throw error(hostLocations.get(i), Character.toLowerCase(message.charAt(0)) + message.substring(1));
            }
        }
        return RouteTable.of(routes);
    }

    private String string(String field) throws InvalidRouteStateException {
        expect(parser.nextToken(), JsonToken.VALUE_STRING, "'" + field + "' must be a string");
        return parser.getString();
    }

    TokenStreamLocation expect(JsonToken actual, JsonToken expected, String problem)
            throws InvalidRouteStateException {
        TokenStreamLocation at = parser.currentTokenLocation();
        if (actual != expected) {
            throw error(at, problem);
        }
        return at;
    }

    void rejectRepeat(boolean repeated, TokenStreamLocation at, String field) throws InvalidRouteStateException {
        if (repeated) {
            throw error(at, "'" + field + "' appears twice");
        }
    }

    InvalidRouteStateException error(TokenStreamLocation at, String problem) {
        return new InvalidRouteStateException(source, Math.max(1, at.getLineNr()), Math.max(1, at.getColumnNr()), problem);
    }
}
