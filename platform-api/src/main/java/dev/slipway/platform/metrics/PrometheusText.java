package dev.slipway.platform.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads Prometheus' text exposition format (version 0.0.4), as the router's {@code /metrics} writes it: one
 * sample a line, {@code name{label="value",...} value [timestamp]}; comments and blank lines are skipped.
 */
final class PrometheusText {

    /** One line's sample. */
    record Sample(String name, Map<String, String> labels, double value) {

        String label(String key) {
            return labels.get(key);
        }
    }

    private PrometheusText() {
    }

    /**
     * The samples of {@code text}, in order.
     *
     * @throws IllegalArgumentException naming the line when one is not a sample
     */
    static List<Sample> parse(String text) {
        var samples = new ArrayList<Sample>();
        for (var line : text.split("\n")) {
            var trimmed = line.strip();
            if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                samples.add(sample(trimmed));
            }
        }
        return samples;
    }

    private static Sample sample(String line) {
        int nameEnd = 0;
        while (nameEnd < line.length() && line.charAt(nameEnd) != '{' && !Character.isWhitespace(line.charAt(nameEnd))) {
            nameEnd++;
        }
        var name = line.substring(0, nameEnd);
        var labels = new LinkedHashMap<String, String>();
        int at = nameEnd;
        if (at < line.length() && line.charAt(at) == '{') {
            at = labels(line, at + 1, labels);
        }
        var rest = line.substring(at).strip().split("\\s+");
        if (name.isEmpty() || rest.length == 0 || rest[0].isEmpty()) {
            throw new IllegalArgumentException("Not a Prometheus sample: " + line);
        }
        return new Sample(name, Map.copyOf(labels), number(rest[0], line));
    }

    /** Reads {@code key="value",...}} from {@code at} into {@code labels}; returns the index after the brace. */
    private static int labels(String line, int at, Map<String, String> labels) {
        while (true) {
            while (at < line.length() && (line.charAt(at) == ',' || line.charAt(at) == ' ')) {
                at++;
            }
            if (at < line.length() && line.charAt(at) == '}') {
                return at + 1;
            }
            int equals = line.indexOf('=', at);
            if (equals < 0 || equals + 1 >= line.length() || line.charAt(equals + 1) != '"') {
                throw new IllegalArgumentException("Not a Prometheus sample: " + line);
            }
            var key = line.substring(at, equals).strip();
            var value = new StringBuilder();
            at = equals + 2;
            while (at < line.length() && line.charAt(at) != '"') {
                char c = line.charAt(at++);
                if (c == '\\' && at < line.length()) {
                    char escaped = line.charAt(at++);
                    value.append(escaped == 'n' ? '\n' : escaped);
                } else {
                    value.append(c);
                }
            }
            if (at >= line.length()) {
                throw new IllegalArgumentException("Unterminated label value: " + line);
            }
            labels.put(key, value.toString());
            at++;
        }
    }

    /** A sample value or an {@code le} bound: a float, {@code +Inf}, {@code -Inf} or {@code NaN}. */
    static double number(String text, String line) {
        return switch (text) {
            case "+Inf", "Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            case "NaN" -> Double.NaN;
            default -> {
                try {
                    yield Double.parseDouble(text);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("Not a number '" + text + "' in: " + line);
                }
            }
        };
    }
}
