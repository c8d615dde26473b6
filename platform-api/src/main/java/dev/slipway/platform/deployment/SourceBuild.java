package dev.slipway.platform.deployment;

import dev.slipway.build.image.Artifact;
import dev.slipway.build.image.BuildFailedException;
import dev.slipway.build.image.ImageBuilder;
import dev.slipway.build.image.RunSettings;
import dev.slipway.build.model.ArtifactStore;
import dev.slipway.build.model.ModelFetchException;
import dev.slipway.build.model.ModelSet;
import dev.slipway.build.model.StoreAccess;
import dev.slipway.build.plan.BuildPlan;
import dev.slipway.build.plan.BuildPlanner;
import dev.slipway.build.source.SourceFetchException;
import dev.slipway.build.source.SourceFetcher;
import dev.slipway.build.source.SourceRequest;
import dev.slipway.config.AppRunnerConfig;
import dev.slipway.config.ConfigProblem;
import dev.slipway.config.InvalidConfigException;
import dev.slipway.config.NetworkSection;
import dev.slipway.config.project.ProjectKind;
import dev.slipway.platform.service.ServiceSource;
import dev.slipway.platform.system.SlipwayProperties;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Turns a deployment's source into a runnable artifact: fetch, detect, build. At most
 * {@code SLIPWAY_MAX_CONCURRENT_BUILDS} run at once; fetching the source and the models each has
 * an overall limit ({@code SLIPWAY_FETCH_TIMEOUT}), the build its own ({@code SLIPWAY_BUILD_TIMEOUT}).
 */
@Component
class SourceBuild {

    static final String FETCH_TIMEOUT_SETTING = "SLIPWAY_FETCH_TIMEOUT";

    private final SourceFetcher fetcher;
    private final BuildPlanner planner;
    private final ImageBuilder builder;
    private final PushedRepositories repositories;
    private final ArtifactStore store;
    private final StoreAccess defaultAccess;
    private final Path workDirectory;
    private final Semaphore buildSlots;
    private final int maxBuilds;
    private final Duration fetchTimeout;

    SourceBuild(SourceFetcher fetcher, BuildPlanner planner, ImageBuilder builder, PushedRepositories repositories,
                ArtifactStore store, SlipwayProperties properties) {
        this.fetcher = fetcher;
        this.planner = planner;
        this.builder = builder;
        this.repositories = repositories;
        this.store = store;
        this.defaultAccess = StoreAccess.fromEnvironment(System.getenv());
        this.workDirectory = properties.workDirectory();
        this.maxBuilds = properties.deployments().maxConcurrentBuilds();
        this.buildSlots = new Semaphore(maxBuilds, true);
        this.fetchTimeout = properties.deployments().fetchTimeout();
    }

    /**
     * @throws DeploymentFailedException with a message for the user when any step fails
     */
    Artifact build(DeploymentRun run, DeploymentRepository deployments) {
        var source = run.service().source();
        if (source.type() == ServiceSource.Type.IMAGE) {
            var image = source.image().orElseThrow();
            run.note("Running image " + image + " as is");
            return new Artifact(Artifact.Kind.IMAGE, image,
                    new RunSettings(Optional.empty(), NetworkSection.DEFAULT_PORT, Optional.empty(), Map.of()));
        }
        awaitBuildSlot(run);
        var checkout = workDirectory.resolve(run.id());
        try {
            run.enter(DeploymentPhase.FETCHING_SOURCE);
            var fetched = PhaseDeadline.within(fetchTimeout, "Fetching the source", FETCH_TIMEOUT_SETTING,
                    () -> fetcher.fetch(request(run, source), checkout));
            deployments.recordCommit(run.id(), fetched.commit(), fetched.message());
            run.note("Fetched commit " + fetched.commit().substring(0, Math.min(12, fetched.commit().length())));
            var plan = planner.plan(run.service().name(), run.id(), fetched);
            recordConfig(run, plan, deployments);
            var access = run.service().s3().map(s -> s.over(defaultAccess)).orElse(defaultAccess);
            run.maskSecrets(access.secretValues());
            var models = fetchModels(run, plan, access, deployments);
            run.enter(DeploymentPhase.BUILDING);
            return builder.build(plan.withModels(models, access.asEnvironment()), run);
        } catch (SourceFetchException | BuildFailedException | ModelFetchException e) {
            throw new DeploymentFailedException(e.getMessage(), e);
        } catch (InvalidConfigException e) {
            throw new DeploymentFailedException(e.problems().stream().filter(ConfigProblem::isError)
                    .map(ConfigProblem::format).collect(Collectors.joining("\n")), e);
        } finally {
            buildSlots.release();
            deleteQuietly(checkout);
        }
    }

    /** Builds take most of a host's CPU and disk; beyond the limit they wait their turn. */
    private void awaitBuildSlot(DeploymentRun run) {
        if (buildSlots.tryAcquire()) {
            return;
        }
        run.note("Waiting for a build slot: " + maxBuilds + " build(s) run already (SLIPWAY_MAX_CONCURRENT_BUILDS)");
        try {
            buildSlots.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeploymentFailedException("Stopped while waiting for a build slot.", e);
        }
    }

    /** Keeps the apprunner.yaml a build plans from, named as the plan's problems name it; other projects have none. */
    private static void recordConfig(DeploymentRun run, BuildPlan plan, DeploymentRepository deployments) {
        if (plan.kind() != ProjectKind.APPRUNNER_YAML) {
            return;
        }
        try {
            var text = Files.readString(plan.sourceDir().resolve(AppRunnerConfig.FILE_NAME), StandardCharsets.UTF_8);
            deployments.recordConfig(run.id(), BuildPlanner.ROOT_DISPLAY_PATH + AppRunnerConfig.FILE_NAME, text);
        } catch (IOException e) {
            // The planner has just read it; what the console shows of a deployment is no reason to fail it.
            run.note("Could not keep " + AppRunnerConfig.FILE_NAME + " for the console: " + e.getMessage());
        }
    }

    private ModelSet fetchModels(DeploymentRun run, BuildPlan plan, StoreAccess access,
                                 DeploymentRepository deployments) {
        var sources = plan.config().map(c -> c.models()).orElse(List.of());
        if (sources.isEmpty()) {
            return ModelSet.EMPTY;
        }
        run.enter(DeploymentPhase.FETCHING_MODELS);
        var models = PhaseDeadline.within(fetchTimeout, "Fetching the models", FETCH_TIMEOUT_SETTING,
                () -> store.fetch(sources, access, run));
        deployments.recordModels(run.id(), models.objects().stream()
                .map(m -> new DeployedModel(m.uri(), m.version(), m.sha256(), m.size(), m.target())).toList());
        run.note(models.objects().size() + " model file(s), " + models.totalBytes() + " bytes, "
                + models.downloadedBytes() + " bytes downloaded");
        return models;
    }

    private SourceRequest request(DeploymentRun run, ServiceSource source) {
        if (source.type() == ServiceSource.Type.GIT_PUSH) {
            var revision = run.deployment().commit().orElse("refs/heads/" + source.branch());
            return new SourceRequest(repositories.path(run.service().name()).toString(), revision,
                    source.sourceDirectory());
        }
        return new SourceRequest(source.url().orElseThrow(), source.branch(), source.sourceDirectory());
    }

    private static void deleteQuietly(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (var walk = Files.walk(directory)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // Leftover work directories only cost disk space; the next start can sweep them.
        }
    }
}
