package dev.slipway.build.image.docker;

import dev.slipway.build.image.BuildPhase;
import dev.slipway.config.AppRunnerConfig;
import dev.slipway.config.runtime.BuildProcess;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The build stage: the source is copied into {@code /app} of a build container started from the
 * build base, pre-build and build run there, and the container is committed. post-build then runs
 * in a throwaway container of the committed image, as on App Runner: it can fail the build, but
 * nothing it changes is shipped. Only then is the image tagged with its key, so a key that has an
 * image always means "built and post-build passed", and a rebuild of the same inputs runs nothing.
 */
final class BuildStage {

    private final Images images;
    private final BuildContainers containers;
    private final ExecRunner exec;
    private final DependencyMeter meter;

    BuildStage(DockerClients clients, BuildContainers containers) {
        this.images = new Images(clients);
        this.containers = containers;
        this.exec = new ExecRunner(clients);
        this.meter = new DependencyMeter(clients);
    }

    /** The build image for these inputs, made unless it exists. */
    ImageInfo ensure(ImageInfo buildBase, SourceTree source, AppRunnerConfig config, BuildProcess process,
            BuildSession session) {
        var start = System.nanoTime();
        var build = config.build();
        var key = key(buildBase.id(), source.digest(), config, process, session.plan().secretEnvironment());
        session.buildKey(key);
        var tag = ImageKind.BUILD.tag(key);
        var existing = images.find(tag);
        if (existing.isPresent()) {
            session.log(BuildPhase.BUILD, "reusing build image " + tag + ": this source was built with these"
                    + " commands and settings before, so no build command runs");
            session.stage(BuildReport.Stage.BUILD, start, true);
            if (!build.postBuild().isEmpty()) {
                session.stage(BuildReport.Stage.POST_BUILD, System.nanoTime(), true);
            }
            return existing.get();
        }
        var env = containers.environment(config, session.plan().secretEnvironment());
        var labels = Map.of(BuildLabels.BUILD_KEY, key);
        String imageId;
        try (var container = containers.start(buildBase.id(), "build", labels, session)) {
            session.log(BuildPhase.BASE, "copying the source into " + Layout.APP_DIRECTORY);
            container.copy(source.tar(), Layout.APP_DIRECTORY, session);
            var before = meter.read(container.id());
            runAll(container, BuildPhase.PRE_BUILD, build.preBuild(), env, session);
            runAll(container, BuildPhase.BUILD, build.build(), env, session);
            report(before, meter.read(container.id()), session);
            session.checkpoint("saving the build image");
            imageId = container.commit(Map.of(BuildLabels.KIND, ImageKind.BUILD.label(), BuildLabels.KEY, key));
        }
        session.stage(BuildReport.Stage.BUILD, start, false);
        try {
            postBuild(imageId, build.postBuild(), env, labels, session);
            images.tag(imageId, tag);
        } catch (RuntimeException e) {
            images.removeQuietly(imageId);
            throw e;
        }
        session.log(BuildPhase.BUILD, "saved build image " + tag);
        return images.require(tag);
    }

    static String key(String buildBaseId, String sourceDigest, AppRunnerConfig config, BuildProcess process,
            Map<String, String> secrets) {
        var build = config.build();
        return CacheKey.of(ImageKind.BUILD)
                .add("build base", buildBaseId)
                .add("source", sourceDigest)
                .add("process", process.name())
                .add("pre-build", build.preBuild())
                .add("build", build.build())
                .add("post-build", build.postBuild())
                .add("build.env", config.buildEnvironment())
                .add("secret names", secrets.keySet().stream().sorted().toList())
                .hex();
    }

    /** Says in the log what the commands took from the dependency cache and what they downloaded. */
    private static void report(Optional<DependencyMeter.Reading> before, Optional<DependencyMeter.Reading> after,
            BuildSession session) {
        if (before.isEmpty() || after.isEmpty()) {
            return;
        }
        var use = new DependencyUse(before.get().sizes(), after.get().sizes(),
                Math.max(0, after.get().received() - before.get().received()));
        session.dependencies(use);
        session.log(BuildPhase.BUILD, use.summary());
    }

    private void postBuild(String imageId, List<String> commands, Map<String, String> env,
            Map<String, String> labels, BuildSession session) {
        if (commands.isEmpty()) {
            return;
        }
        var start = System.nanoTime();
        try (var container = containers.start(imageId, "post-build", labels, session)) {
            runAll(container, BuildPhase.POST_BUILD, commands, env, session);
        }
        session.stage(BuildReport.Stage.POST_BUILD, start, false);
    }

    private void runAll(BuildContainer container, BuildPhase phase, List<String> commands, Map<String, String> env,
            BuildSession session) {
        for (var command : commands) {
            exec.run(container.id(), phase, command, env, session);
        }
    }
}
