package dev.slipway.build.plan;

import dev.slipway.config.AppRunnerConfig;
import dev.slipway.config.project.ProjectKind;
import dev.slipway.build.model.ModelSet;
import java.nio.file.Path;
import java.util.Map;
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
 * @param models       the model files fetched for the build, placed in the app directory at their
 *                     targets before the build commands run
 * @param secretEnvironment variables build commands see but that must never reach an image's
 *                     layers, configuration, labels or history (e.g. the store's AWS credentials)
 */
public record BuildPlan(
        String service, String deploymentId, String commit, Path sourceDir, ProjectKind kind,
        Optional<AppRunnerConfig> config, ModelSet models, Map<String, String> secretEnvironment) {

    /** A plan without models or secret variables. */
    public BuildPlan(String service, String deploymentId, String commit, Path sourceDir, ProjectKind kind,
                     Optional<AppRunnerConfig> config) {
        this(service, deploymentId, commit, sourceDir, kind, config, ModelSet.EMPTY, Map.of());
    }

    /** This plan with models and the variables that reach their store. */
    public BuildPlan withModels(ModelSet fetched, Map<String, String> secrets) {
        return new BuildPlan(service, deploymentId, commit, sourceDir, kind, config, fetched, secrets);
    }

    public BuildPlan {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(deploymentId, "deploymentId");
        Objects.requireNonNull(sourceDir, "sourceDir");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(models, "models");
        secretEnvironment = Map.copyOf(secretEnvironment);
        if (kind != ProjectKind.DOCKERFILE && config.isEmpty()) {
            throw new IllegalArgumentException(kind + " projects need a config");
        }
    }
}
