package dev.slipway.config;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown when a config has errors; carries every problem found, errors and warnings alike. */
public class InvalidConfigException extends RuntimeException {

    private final List<ConfigProblem> problems;

    public InvalidConfigException(List<ConfigProblem> problems) {
        super(problems.stream().map(ConfigProblem::format).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<ConfigProblem> problems() {
        return problems;
    }
}
