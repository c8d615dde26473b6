package dev.slipway.config.project;

import dev.slipway.config.AppRunnerConfig;
import dev.slipway.config.AppRunnerYamlParser;
import dev.slipway.config.ConfigProblem;
import dev.slipway.config.ConfigProblem.Severity;
import java.util.ArrayList;
import java.util.Optional;

/**
 * Decides how a source directory builds: {@code apprunner.yaml} first, then a
 * {@code Dockerfile}, then a {@code Makefile} and/or a {@code Procfile}.
 */
public final class ProjectDetector {

    static final String DOCKERFILE = "Dockerfile";
    /** A name App Runner does not read; people use it anyway. */
    static final String YML_NAME = "apprunner.yml";

    private ProjectDetector() {
    }

    /**
     * Never throws for bad content: every problem, including finding nothing buildable, is in
     * the result. Failing to read a file ({@link java.io.UncheckedIOException}) is not bad content
     * and propagates.
     *
     * @param files       the source directory's files
     * @param displayPath how problems name the directory's files, e.g. "" or "services/api/"
     */
    public static DetectedProject detect(ProjectFiles files, String displayPath) {
        var yaml = files.read(AppRunnerConfig.FILE_NAME);
        if (yaml.isPresent()) {
            var file = displayPath + AppRunnerConfig.FILE_NAME;
            var result = AppRunnerYamlParser.parse(file, yaml.get());
            return new DetectedProject(Optional.of(ProjectKind.APPRUNNER_YAML), file + " found", result.config(),
                    result.problems());
        }
        var problems = new ArrayList<ConfigProblem>();
        if (files.exists(YML_NAME)) {
            problems.add(new ConfigProblem(displayPath + YML_NAME, 0, 0, Severity.WARNING, "",
                    DetectionMessages.ymlExtension()));
        }
        if (files.exists(DOCKERFILE)) {
            return new DetectedProject(Optional.of(ProjectKind.DOCKERFILE),
                    displayPath + DOCKERFILE + " found (no apprunner.yaml)", Optional.empty(), problems);
        }
        var makefile = files.read(MakefileProject.FILE_NAME);
        var procfile = files.read(Procfile.FILE_NAME);
        if (makefile.isPresent() || procfile.isPresent()) {
            return ConventionalProject.detect(files, displayPath, problems, makefile, procfile);
        }
        problems.add(new ConfigProblem(displayPath, 0, 0, Severity.ERROR, "",
                DetectionMessages.nothingBuildable(displayPath)));
        return new DetectedProject(Optional.empty(), "no apprunner.yaml, Dockerfile, Makefile or Procfile",
                Optional.empty(), problems);
    }
}
