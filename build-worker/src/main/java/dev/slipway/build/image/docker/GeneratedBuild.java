package dev.slipway.build.image.docker;

import dev.slipway.build.image.Artifact;
import dev.slipway.build.image.BuildPhase;
import dev.slipway.build.image.CommandFailedException;
import dev.slipway.build.image.ModelLinks;
import dev.slipway.build.image.RunSettings;
import dev.slipway.build.network.CompanyNetwork;
import dev.slipway.config.runtime.BuildProcess;
import dev.slipway.config.runtime.ManagedRuntime;
import dev.slipway.config.runtime.RuntimeCatalog;
import java.util.Optional;

/**
 * Builds an {@code apprunner.yaml}, Makefile or Procfile project the way App Runner does, from
 * cached stages, slowest-changing first: runtime image | models | app | run settings. Build
 * commands run in hardened containers; images are assembled by small Dockerfiles that run nothing.
 */
final class GeneratedBuild {

    private final BaseImages baseImages;
    private final ModelsImage modelsImage;
    private final BaseStage baseStage;
    private final BuildStage buildStage;
    private final RunStage runStage;
    private final FinalImage finalImage;
    private final BuildContainers containers;

    GeneratedBuild(DockerClients clients, RuntimeCatalog catalog, BuildLimits limits, CompanyNetwork network) {
        var assembly = new ImageAssembly(clients);
        this.containers = new BuildContainers(clients, limits, network);
        this.baseImages = new BaseImages(clients, catalog, DockerImageBuilder.DEFAULT_PULL_TIMEOUT);
        this.modelsImage = new ModelsImage(clients, assembly);
        this.baseStage = new BaseStage(clients, assembly);
        this.buildStage = new BuildStage(clients, this.containers);
        this.runStage = new RunStage(clients, assembly, this.containers);
        this.finalImage = new FinalImage(assembly);
    }

    BuildResult build(String tag, BuildSession session) {
        var plan = session.plan();
        var config = plan.config().orElseThrow();
        var process = config.managedRuntime().map(ManagedRuntime::buildProcess).orElse(BuildProcess.ORIGINAL);
        var revised = process == BuildProcess.REVISED;
        session.log(BuildPhase.BASE, revised
                ? "runtime " + config.runtime() + " uses the revised build: only " + Layout.APP_DIRECTORY
                        + " is carried from the build image into the run image, then pre-run runs"
                : "runtime " + config.runtime() + " uses the original build: the app runs on the image it was"
                        + " built on, with everything the build installed");
        containers.describeNetwork(session);

        var targets = ModelLinks.targets(plan.sourceDir(), plan.models());
        var start = System.nanoTime();
        var version = config.run().runtimeVersion();
        var buildImage = baseImages.resolve(config.runtime(), version, BaseImages.Role.BUILD, session.log());
        var runImage = revised ? baseImages.resolve(config.runtime(), version, BaseImages.Role.RUN, session.log())
                : buildImage;
        session.runtimeImage(runImage.reference(), baseImages.carries(runImage));
        session.stage(BuildReport.Stage.BASE_IMAGES, start, false);

        var modelDigest = plan.models().isEmpty() ? Optional.<String>empty() : Optional.of(plan.models().digest());
        var models = modelDigest.map(digest -> modelsImage.ensure(plan.models(), targets, session));
        models.ifPresent(image -> session.models(image.id()));

        var buildBase = baseStage.ensure(ImageKind.BUILD_BASE, buildImage.image(), models, modelDigest, session);
        var source = SourceTree.of(plan.sourceDir(), targets.keySet());
        ImageInfo build;
        try {
            build = buildStage.ensure(buildBase.image(), source, config, process, session);
        } catch (CommandFailedException e) {
            throw e.notFoundIn(baseImages.notFoundIn(BaseImages.Role.BUILD, buildImage));
        }

        ImageInfo runSide;
        if (revised) {
            var runBase = baseStage.ensure(ImageKind.RUN_BASE, runImage.image(), models, modelDigest, session);
            runBase.modelLayer().ifPresent(session::modelLayer);
            try {
                runSide = runStage.preRun(runStage.app(runBase.image(), build, session), config, session);
            } catch (CommandFailedException e) {
                throw e.notFoundIn(baseImages.notFoundIn(BaseImages.Role.RUN, runImage));
            }
        } else {
            buildBase.modelLayer().ifPresent(session::modelLayer);
            if (!config.run().preRun().isEmpty()) {
                session.log(BuildPhase.PRE_RUN, "ignoring run.pre-run: runtime " + config.runtime() + " uses the"
                        + " original build, which App Runner says not to use pre-run with; move these commands to"
                        + " build.commands.build");
            }
            runSide = build;
        }
        var image = finalImage.build(runSide, config, tag, session);
        var artifact = new Artifact(Artifact.Kind.IMAGE, image.id(), RunSettings.of(config, session.log()));
        return new BuildResult(artifact, session.report(image.id(), image.size()));
    }
}
