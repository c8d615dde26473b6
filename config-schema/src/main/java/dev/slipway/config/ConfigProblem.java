package dev.slipway.config;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One problem found in a config file, located at a 1-based line and column (0 when the problem
 * concerns the file as a whole).
 *
 * @param key     the dotted key the problem concerns, e.g. {@code run.network.port}; empty for the file
 * @param message what is wrong and how to fix it
 */
public record ConfigProblem(String file, int line, int column, Severity severity, String key, String message) {

    /** How bad a problem is: errors stop a deployment, warnings do not. */
    public enum Severity {
        ERROR, WARNING;

        @Override
        public String toString() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /**
     * {@code file:line:column: error|warning: key: message}, the form editors and CI understand.
     * The position is left out when the problem concerns the whole file, the key when it is empty,
     * and the file when it is empty too (a problem about a whole directory).
     */
    public String format() {
        var where = line > 0 ? file + ":" + line + ":" + column : file;
        var what = key.isEmpty() ? message : key + ": " + message;
        return (where.isEmpty() ? "" : where + ": ") + severity + ": " + what;
    }

    /**
     * The problem as a JSON object with the fields {@code file}, {@code line}, {@code column},
     * {@code severity} ({@code "error"} or {@code "warning"}), {@code key} and {@code message}.
     */
    public String toJson() {
        return "{\"file\": " + Json.string(file) + ", \"line\": " + line + ", \"column\": " + column
                + ", \"severity\": " + Json.string(severity.toString()) + ", \"key\": " + Json.string(key)
                + ", \"message\": " + Json.string(message) + "}";
    }

    /** The problems as a JSON array of {@link #toJson()} objects. */
    public static String toJson(List<ConfigProblem> problems) {
        return problems.stream().map(ConfigProblem::toJson).collect(Collectors.joining(", ", "[", "]"));
    }

    @Override
    public String toString() {
        return format();
    }
}
