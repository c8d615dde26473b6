package dev.slipway.build.image.docker;

import dev.slipway.build.image.BuildFailedException;
import dev.slipway.build.image.BuildPhase;
import dev.slipway.build.plan.BuildPlan;
import dev.slipway.config.AppRunnerConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A deployment's image: the run side of the build plus the run settings ({@code run.env},
 * {@code PORT} and the {@code run.network.env} variable, the port, the start command) and labels
 * naming the service, deployment, commit, build key and models. Neither {@code build.env} nor any
 * secret is part of it.
 */
final class FinalImage {

    private final ImageAssembly assembly;

    FinalImage(ImageAssembly assembly) {
        this.assembly = assembly;
    }

    ImageInfo build(ImageInfo base, AppRunnerConfig config, String tag, BuildSession session) {
        var start = System.nanoTime();
        session.checkpoint("assembling the final image");
        DockerfileText dockerfile;
        try {
            var settings = settings(base.id(), config);
            var key = CacheKey.of(ImageKind.FINAL).add("dockerfile", settings.text()).hex();
            dockerfile = settings.labels(labels(session, key));
        } catch (IllegalArgumentException e) {
            throw new BuildFailedException("cannot build this configuration: " + e.getMessage(), e);
        }
        var image = assembly.build(dockerfile, ContextTar.empty(), tag, BuildPhase.IMAGE, session);
        session.log(BuildPhase.IMAGE, "built image " + image.id() + " tagged " + tag);
        session.stage(BuildReport.Stage.FINAL, start, false);
        return image;
    }

    /** Everything but the labels. */
    static DockerfileText settings(String base, AppRunnerConfig config) {
        return new DockerfileText().from(base)
                .workdir(Layout.APP_DIRECTORY)
                .env(config.runEnvironment())
                .expose(config.run().network().port())
                .cmd(List.of(ExecRunner.SHELL, "-c", config.run().command()));
    }

    static Map<String, String> labels(BuildSession session, String key) {
        var plan = session.plan();
        var labels = new LinkedHashMap<String, String>();
        labels.put(BuildLabels.MANAGED, BuildLabels.TRUE);
        labels.put(BuildLabels.KIND, ImageKind.FINAL.label());
        labels.put(BuildLabels.KEY, key);
        labels.putAll(identity(plan));
        session.buildKey().ifPresent(buildKey -> labels.put(BuildLabels.BUILD_KEY, buildKey));
        labels.putAll(session.runtimeImageLabels());
        if (!plan.models().isEmpty()) {
            labels.put(BuildLabels.MODELS, plan.models().digest());
        }
        return labels;
    }

    /** The service, deployment and (when known) commit labels. */
    static Map<String, String> identity(BuildPlan plan) {
        var labels = new LinkedHashMap<String, String>();
        labels.put(BuildLabels.SERVICE, plan.service());
        labels.put(BuildLabels.DEPLOYMENT, plan.deploymentId());
        Optional.ofNullable(plan.commit()).filter(commit -> !commit.isBlank())
                .ifPresent(commit -> labels.put(BuildLabels.COMMIT, commit));
        return labels;
    }
}
