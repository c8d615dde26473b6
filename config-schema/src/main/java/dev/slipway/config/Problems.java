package dev.slipway.config;

import dev.slipway.config.ConfigProblem.Severity;
import dev.slipway.config.YamlNode.Position;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects the problems of one file; {@link #all()} gives them in file order. */
final class Problems {

    private static final Comparator<ConfigProblem> FILE_ORDER =
            Comparator.comparingInt(ConfigProblem::line).thenComparingInt(ConfigProblem::column);

    private final String file;
    private final List<ConfigProblem> problems = new ArrayList<>();

    Problems(String file) {
        this.file = file;
    }

    void error(Position at, String key, String message) {
        add(at, Severity.ERROR, key, message);
    }

    void warning(Position at, String key, String message) {
        add(at, Severity.WARNING, key, message);
    }

    boolean hasErrors() {
        return problems.stream().anyMatch(ConfigProblem::isError);
    }

    int errorCount() {
        return (int) problems.stream().filter(ConfigProblem::isError).count();
    }

    /** Every problem, sorted by position; problems at one position keep the order they were found in. */
    List<ConfigProblem> all() {
        return problems.stream().sorted(FILE_ORDER).toList();
    }

    private void add(Position at, Severity severity, String key, String message) {
        problems.add(new ConfigProblem(file, at.line(), at.column(), severity, key, message));
    }
}
