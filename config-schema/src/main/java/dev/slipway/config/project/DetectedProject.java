package dev.slipway.config.project;

import dev.slipway.config.AppRunnerConfig;
import dev.slipway.config.ConfigProblem;
import java.util.List;
import java.util.Optional;

/**
 * What detection found in a source directory.
 *
 * @param kind     how the project builds; empty when nothing buildable was found (then
 *                 {@code problems} holds an error saying what to add)
 * @param reason   why this kind was chosen, for build logs, e.g. "apprunner.yaml found"
 * @param config   the build and run settings of {@link ProjectKind#APPRUNNER_YAML},
 *                 {@link ProjectKind#MAKEFILE} and {@link ProjectKind#PROCFILE} projects without
 *                 errors; empty for Dockerfiles
 * @param problems every problem found, errors and warnings
 */
public record DetectedProject(
        Optional<ProjectKind> kind, String reason, Optional<AppRunnerConfig> config, List<ConfigProblem> problems) {

    public DetectedProject {
        problems = List.copyOf(problems);
    }

    public boolean hasErrors() {
        return problems.stream().anyMatch(ConfigProblem::isError);
    }
}
