package dev.slipway.build.plan;

import dev.slipway.config.AppRunnerConfig;
import dev.slipway.config.project.ProjectKind;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a builder needs: which deployment, where the checked-out source is, and how the
 * project builds.
 *
 * @param service      the service name (used in image names and labels)
 * @param deploymentId the deployment this build belongs to (used in tags and labels)
 * @param commit       the commit being built
 * @param sourceDir    the project's checked-out source directory
 * @param kind         how the project builds
 * @param config       the build and run settings; empty for {@link ProjectKind#DOCKERFILE}
 */
public record BuildPlan(
        String service, String deploymentId, String commit, Path sourceDir, ProjectKind kind,
        Optional<AppRunnerConfig> config) {

    public BuildPlan {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(deploymentId, "deploymentId");
        Objects.requireNonNull(sourceDir, "sourceDir");
        Objects.requireNonNull(kind, "kind");
        if (kind != ProjectKind.DOCKERFILE && config.isEmpty()) {
            throw new IllegalArgumentException(kind + " projects need a config");
        }
    }
}
