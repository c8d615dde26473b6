package dev.slipway.build.image.docker;

import dev.slipway.build.image.BuildPhase;
import dev.slipway.config.AppRunnerConfig;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The revised build's run side: only {@code /app} of the build image is copied onto the run base
 * (anything the build put elsewhere is left behind, as on App Runner), then {@code run.pre-run}
 * runs in a build container of that image with {@code build.env}, and the container is committed.
 * Both steps are cached by key.
 */
final class RunStage {

    private final Images images;
    private final ImageAssembly assembly;
    private final BuildContainers containers;
    private final ExecRunner exec;

    RunStage(DockerClients clients, ImageAssembly assembly, BuildContainers containers) {
        this.images = new Images(clients);
        this.assembly = assembly;
        this.containers = containers;
        this.exec = new ExecRunner(clients);
    }

    /** The run base with the build image's {@code /app}. */
    ImageInfo app(ImageInfo runBase, ImageInfo build, BuildSession session) {
        var start = System.nanoTime();
        var key = CacheKey.of(ImageKind.APP).add("run base", runBase.id()).add("build", build.id()).hex();
        var tag = ImageKind.APP.tag(key);
        var existing = images.find(tag);
        if (existing.isPresent()) {
            session.log(BuildPhase.BASE, "reusing app image " + tag);
            session.stage(BuildReport.Stage.APP, start, true);
            return existing.get();
        }
        session.checkpoint("copying /app onto the run image");
        session.log(BuildPhase.BASE, "copying only " + Layout.APP_DIRECTORY + " onto the run image (revised build)");
        var image = assembly.build(dockerfile(runBase.id(), build.id(), key), ContextTar.empty(), tag,
                BuildPhase.BASE, session);
        session.stage(BuildReport.Stage.APP, start, false);
        return image;
    }

    /** {@code app} after {@code run.pre-run}; {@code app} itself when there is none. */
    ImageInfo preRun(ImageInfo app, AppRunnerConfig config, BuildSession session) {
        var commands = config.run().preRun();
        if (commands.isEmpty()) {
            return app;
        }
        var start = System.nanoTime();
        var secrets = session.plan().secretEnvironment();
        var key = CacheKey.of(ImageKind.PRE_RUN)
                .add("app", app.id())
                .add("pre-run", commands)
                .add("build.env", config.buildEnvironment())
                .add("secret names", secrets.keySet().stream().sorted().toList())
                .hex();
        var tag = ImageKind.PRE_RUN.tag(key);
        var existing = images.find(tag);
        if (existing.isPresent()) {
            session.log(BuildPhase.PRE_RUN, "reusing pre-run image " + tag + "; no pre-run command runs");
            session.stage(BuildReport.Stage.PRE_RUN, start, true);
            return existing.get();
        }
        var env = containers.environment(config, secrets);
        String imageId;
        try (var container = containers.start(app.id(), "pre-run", Map.of(BuildLabels.KEY, key), session)) {
            for (var command : commands) {
                exec.run(container.id(), BuildPhase.PRE_RUN, command, env, session);
            }
            session.checkpoint("saving the pre-run image");
            imageId = container.commit(Map.of(BuildLabels.KIND, ImageKind.PRE_RUN.label(), BuildLabels.KEY, key));
        }
        try {
            images.tag(imageId, tag);
        } catch (RuntimeException e) {
            images.removeQuietly(imageId);
            throw e;
        }
        session.stage(BuildReport.Stage.PRE_RUN, start, false);
        return images.require(tag);
    }

    static DockerfileText dockerfile(String runBase, String build, String key) {
        var labels = new LinkedHashMap<String, String>();
        labels.put(BuildLabels.MANAGED, BuildLabels.TRUE);
        labels.put(BuildLabels.KIND, ImageKind.APP.label());
        labels.put(BuildLabels.KEY, key);
        return new DockerfileText().from(runBase)
                .copyFrom(build, Layout.APP_DIRECTORY, Layout.APP_DIRECTORY)
                .workdir(Layout.APP_DIRECTORY)
                .labels(labels);
    }
}
