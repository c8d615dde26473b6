package dev.slipway.router;

import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;

/**
 * A route's {@code "admission"} object in route state: read with every problem located at its value, and written
 * without the fields that have their default.
 */
final class AdmissionJson {

    static final String FIELDS =
            "'concurrencyLimit', 'queueDepth', 'queueTimeout', 'holdWhileEmpty' and 'unavailableMessage'";

    private AdmissionJson() {
    }

    /** Reads the object that starts at the parser's next token. */
    static Admission read(RouteStateParser reader, JsonParser parser) throws InvalidRouteStateException {
        TokenStreamLocation start = reader.expect(parser.nextToken(), JsonToken.START_OBJECT,
                "'admission' must be an object such as {\"concurrencyLimit\": 100, \"queueDepth\": 200}");
        Integer limit = null;
        int depth = 0;
        Duration timeout = null;
        boolean hold = false;
        String message = null;
        Set<String> seen = new HashSet<>();
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = parser.currentName();
            TokenStreamLocation at = parser.currentTokenLocation();
            reader.rejectRepeat(!seen.add(name), at, name);
            switch (name) {
                case "concurrencyLimit" -> limit = count(reader, parser, name, 1);
                case "queueDepth" -> depth = count(reader, parser, name, 0);
                case "queueTimeout" -> timeout = queueTimeout(reader, parser);
                case "holdWhileEmpty" -> {
                    JsonToken token = parser.nextToken();
                    if (token != JsonToken.VALUE_TRUE && token != JsonToken.VALUE_FALSE) {
                        throw reader.error(parser.currentTokenLocation(), "'holdWhileEmpty' must be true or false");
                    }
                    hold = token == JsonToken.VALUE_TRUE;
                }
                case "unavailableMessage" -> {
                    reader.expect(parser.nextToken(), JsonToken.VALUE_STRING, "'unavailableMessage' must be a string");
                    message = parser.getString();
                    if (message.isBlank() || message.length() > Admission.MAX_MESSAGE_LENGTH
                            || message.chars().anyMatch(c -> c < ' ' || c == 0x7f)) {
                        throw reader.error(parser.currentTokenLocation(), "'unavailableMessage' must be 1 to "
                                + Admission.MAX_MESSAGE_LENGTH + " characters without control characters");
                    }
                }
                default -> throw reader.error(at, "unknown field '" + name + "' in 'admission'; it has " + FIELDS);
            }
        }
        try {
            return new Admission(limit, depth, timeout, hold, message);
        } catch (IllegalArgumentException e) {
            throw reader.error(start, e.getMessage());
        }
    }

    private static int count(RouteStateParser reader, JsonParser parser, String field, int least)
            throws InvalidRouteStateException {
        reader.expect(parser.nextToken(), JsonToken.VALUE_NUMBER_INT, "'" + field + "' must be a whole number");
        long value = parser.getLongValue();
        long most = field.equals("queueDepth") ? Admission.MAX_QUEUE_DEPTH : Integer.MAX_VALUE;
        if (value < least || value > most) {
            throw reader.error(parser.currentTokenLocation(), "'" + field + "' must be " + least + " to " + most);
        }
        return (int) value;
    }

    private static Duration queueTimeout(RouteStateParser reader, JsonParser parser) throws InvalidRouteStateException {
        JsonToken token = parser.nextToken();
        TokenStreamLocation at = parser.currentTokenLocation();
        Duration timeout;
        try {
            if (token == JsonToken.VALUE_NUMBER_INT) {
                timeout = Duration.ofSeconds(parser.getLongValue());
            } else if (token == JsonToken.VALUE_STRING) {
                timeout = Durations.parse(parser.getString());
            } else {
                throw reader.error(at, "'queueTimeout' must be a duration such as \"500ms\", \"30s\" or \"5m\"");
            }
        } catch (IllegalArgumentException e) {
            throw reader.error(at, e.getMessage());
        }
        if (!Admission.allowedQueueTimeout(timeout)) {
            throw reader.error(at, "'queueTimeout' must be more than 0 and at most "
                    + Admission.MAX_QUEUE_TIMEOUT.toHours() + "h");
        }
        return timeout;
    }

    /** The JSON fields of {@code admission} that differ from their defaults; empty for {@link Admission#NONE}. */
    static Map<String, Object> format(Admission admission) {
        Map<String, Object> json = new LinkedHashMap<>();
        if (admission.concurrencyLimit() != null) {
            json.put("concurrencyLimit", admission.concurrencyLimit());
        }
        if (admission.queueDepth() != 0) {
            json.put("queueDepth", admission.queueDepth());
        }
        if (!admission.queueTimeout().equals(Admission.DEFAULT_QUEUE_TIMEOUT)) {
            json.put("queueTimeout", Durations.format(admission.queueTimeout()));
        }
        if (admission.holdWhileEmpty()) {
            json.put("holdWhileEmpty", true);
        }
        if (admission.unavailableMessage() != null) {
            json.put("unavailableMessage", admission.unavailableMessage());
        }
        return json;
    }
}
