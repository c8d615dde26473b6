package dev.slipway.build.plan;

import dev.slipway.build.image.BuildLog;
import dev.slipway.build.image.BuildPhase;
import dev.slipway.build.source.FetchedSource;
import dev.slipway.config.InvalidConfigException;
import dev.slipway.config.project.ProjectDetector;
import dev.slipway.config.project.ProjectFiles;

/**
 * Decides how a checked-out source builds ({@code apprunner.yaml}, then {@code Dockerfile}, then
 * {@code Makefile}) and turns the result into a {@link BuildPlan}.
 */
public final class BuildPlanner {

    /** How problems name files when the source directory is the repository root. */
    public static final String ROOT_DISPLAY_PATH = "";

    /**
     * Plans a build of a source whose files problems name relative to the source directory.
     *
     * @throws InvalidConfigException with every problem found when the project has errors
     */
    public BuildPlan plan(String service, String deploymentId, FetchedSource source) {
        return plan(service, deploymentId, source, ROOT_DISPLAY_PATH, BuildLog.NULL);
    }

    /**
     * Plans a build, writing why the project kind was chosen and any warnings to {@code log}.
     *
     * @param displayPath how problems name the source directory's files, e.g. {@code services/api/}
     *                    (see {@link #displayPath(String)})
     * @throws InvalidConfigException with every problem found when the project has errors
     */
    public BuildPlan plan(String service, String deploymentId, FetchedSource source, String displayPath,
            BuildLog log) {
        var detected = ProjectDetector.detect(ProjectFiles.of(source.sourceDirectory()), displayPath);
        if (detected.hasErrors()) {
            throw new InvalidConfigException(detected.problems());
        }
        var kind = detected.kind().orElseThrow(() -> new IllegalStateException(
                "project detection found no project kind and reported no error in " + source.sourceDirectory()));
        var phase = BuildPhase.PLAN.label();
        log.line(phase, "building as " + kind + ": " + detected.reason());
        detected.problems().forEach(problem -> log.line(phase, problem.format()));
        return new BuildPlan(service, deploymentId, source.commit(), source.sourceDirectory(), kind,
                detected.config());
    }

    /**
     * The display path for a source directory inside a repository: "" for the root, otherwise the
     * directory with a trailing slash ({@code services/api} → {@code services/api/}).
     */
    public static String displayPath(String sourceDirectory) {
        if (sourceDirectory == null) {
            return ROOT_DISPLAY_PATH;
        }
        var path = sourceDirectory.strip().replaceAll("^(\\./)+|^/+|/+$", "");
        return path.isEmpty() || path.equals(".") ? ROOT_DISPLAY_PATH : path + "/";
    }
}
