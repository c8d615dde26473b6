package dev.slipway.config;

import java.util.List;
import java.util.Optional;

/**
 * What parsing a config file gave: the config when there were no errors, and every problem found.
 */
public record ConfigParseResult(Optional<AppRunnerConfig> config, List<ConfigProblem> problems) {

    public ConfigParseResult {
        problems = List.copyOf(problems);
        if (config.isPresent() && problems.stream().anyMatch(ConfigProblem::isError)) {
            throw new IllegalArgumentException("a config with errors must not be returned");
        }
    }

    public boolean hasErrors() {
        return problems.stream().anyMatch(ConfigProblem::isError);
    }

    public List<ConfigProblem> errors() {
        return problems.stream().filter(ConfigProblem::isError).toList();
    }

    public List<ConfigProblem> warnings() {
        return problems.stream().filter(p -> !p.isError()).toList();
    }
}
