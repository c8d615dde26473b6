package dev.slipway.config;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The outcome of checking one file or directory: every problem found, with counts and a JSON
 * form for machines (the linter's {@code --json}, a REST endpoint, a push refusal).
 *
 * @param file     what was checked, as the caller names it (a path, or a name such as {@code apprunner.yaml})
 * @param problems every problem, errors and warnings, in file order
 */
public record ValidationReport(String file, List<ConfigProblem> problems) {

    public ValidationReport {
        Objects.requireNonNull(file, "file");
        problems = List.copyOf(problems);
    }

    /** Checks an {@code apprunner.yaml}'s text; problems name the file {@code fileName}. Never throws for bad input. */
    public static ValidationReport of(String fileName, String text) {
        return new ValidationReport(fileName, AppRunnerYamlParser.parse(fileName, text).problems());
    }

    public boolean hasErrors() {
        return errorCount() > 0;
    }

    public int errorCount() {
        return (int) problems.stream().filter(ConfigProblem::isError).count();
    }

    public int warningCount() {
        return problems.size() - errorCount();
    }

    /**
     * {@code {"file": …, "problems": [{"file", "line", "column", "severity", "key", "message"}…],
     * "errors": n, "warnings": n}}.
     */
    public String toJson() {
        return "{\"file\": " + Json.string(file) + ", \"problems\": " + ConfigProblem.toJson(problems)
                + ", \"errors\": " + errorCount() + ", \"warnings\": " + warningCount() + "}";
    }

    /** The reports as a JSON array of {@link #toJson()} objects. */
    public static String toJson(List<ValidationReport> reports) {
        if (reports.isEmpty()) {
            return "[]";
        }
        return reports.stream().map(ValidationReport::toJson).collect(Collectors.joining(",\n  ", "[\n  ", "\n]"));
    }
}
