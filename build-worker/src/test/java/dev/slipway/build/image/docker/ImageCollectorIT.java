package dev.slipway.build.image.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.slipway.build.RecordingLog;
import dev.slipway.build.model.ModelObject;
import dev.slipway.build.model.ModelSet;
import dev.slipway.build.plan.BuildPlan;
import dev.slipway.config.AppRunnerConfig;
import dev.slipway.config.BuildSection;
import dev.slipway.config.NetworkSection;
import dev.slipway.config.RunSection;
import dev.slipway.config.project.ProjectKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Garbage collection keeps the deployments it is told to keep, everything those images need and
 * whatever something still uses, and removes the rest.
 */
class ImageCollectorIT extends DockerBuildTestSupport {

    private static final AppRunnerConfig CONFIG = new AppRunnerConfig("1.0", "python311",
            new BuildSection(List.of(), List.of("python3 -m compileall -q ."), List.of(), List.of()),
            new RunSection(Optional.empty(), List.of("echo pre-run"), "python3 app.py", NetworkSection.defaults(),
                    List.of(), List.of()));

    @TempDir
    Path source;
    @TempDir
    Path cache;
    private ModelSet models;

    @BeforeEach
    void writeModel() throws Exception {
        var blob = Files.writeString(cache.resolve("blob"), "weights");
        models = new ModelSet(List.of(new ModelObject("s3://models/m.bin", "etag", "a".repeat(64),
                Files.size(blob), blob, "m.bin")), 7);
    }

    @Test
    void keepsTheNamedDeploymentsWhatTheyNeedAndWhatIsInUseAndRemovesTheRest() throws Exception {
        var builds = new ArrayList<BuildResult>();
        for (var version : List.of("1", "2", "3")) {
            Files.writeString(source.resolve("app.py"), "print('version " + version + "')\n");
            builds.add(builder().buildWithReport(plan(source, CONFIG, "d" + version).withModels(models, Map.of()),
                    new RecordingLog()));
        }
        var inUse = clients.control().createContainerCmd(builds.get(1).artifact().reference())
                .withLabels(Map.of(TEST_LABEL, service)).exec().getId();
        var first = chain(builds.get(0));
        var third = chain(builds.get(2));

        CollectedGarbage garbage;
        try {
            garbage = builder().collectGarbage(Map.of(service, Set.of("d3")), Duration.ZERO);
        } finally {
            clients.control().removeContainerCmd(inUse).withForce(true).exec();
        }

        assertThat(garbage.removedImages()).containsAll(first);
        assertThat(first).noneMatch(DockerBuildTestSupport::isPresent);
        assertThat(third).allMatch(DockerBuildTestSupport::isPresent);
        assertThat(isPresent(tag("d2"))).as("used by a container").isTrue();
        assertThat(garbage.imagesInUse()).contains(tag("d2"));
        assertThat(isPresent(ImageKind.BUILD.tag(builds.get(1).report().buildKey().orElseThrow()))).isTrue();
        assertThat(isPresent(ImageKind.MODELS.tag(models.digest()))).isTrue();
        assertThat(isPresent(builds.get(2).report().modelImageId().orElseThrow())).isTrue();
    }

    @Test
    void anEmptyKeepSetRemovesTheServiceButLeavesOtherServicesAndTheirCaches() throws Exception {
        Files.writeString(source.resolve("app.py"), "print('shared')\n");
        var mine = builder().buildWithReport(plan(source, CONFIG, "d1").withModels(models, Map.of()),
                new RecordingLog());
        Files.writeString(source.resolve("app.py"), "print('other')\n");
        var other = "it-" + UUID.randomUUID().toString().substring(0, 8);
        var theirs = builder().buildWithReport(new BuildPlan(other, "d1", COMMIT, source, ProjectKind.APPRUNNER_YAML,
                Optional.of(CONFIG)).withModels(models, Map.of()), new RecordingLog());
        try {
            var garbage = builder().collectGarbage(Map.of(service, Set.of()), Duration.ZERO);

            assertThat(garbage.removedImages()).contains(tag("d1"),
                    ImageKind.BUILD.tag(mine.report().buildKey().orElseThrow()));
            assertThat(isPresent(tag("d1"))).isFalse();
            assertThat(isPresent(DockerImageBuilder.imageTag(other, "d1"))).isTrue();
            assertThat(isPresent(ImageKind.BUILD.tag(theirs.report().buildKey().orElseThrow()))).isTrue();
            assertThat(isPresent(ImageKind.MODELS.tag(models.digest()))).as("shared with the other service").isTrue();
        } finally {
            builder().removeDependencyCache(other);
        }
    }

    @Test
    void removesBuildContainersLeftBehind() throws Exception {
        var leftover = clients.control().createContainerCmd(PYTHON_IMAGE).withLabels(Map.of(
                BuildLabels.MANAGED, "true", BuildLabels.KIND, ImageKind.BUILD_CONTAINER.label(),
                BuildLabels.SERVICE, service)).exec().getId();
        var collector = new ImageCollector(clients);

        // Docker states creation times in whole seconds, so a container counts as older than zero
        // seconds only from the next second on.
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                assertThat(collector.collect(Map.of(), Duration.ofHours(1), Duration.ZERO).removedContainers())
                        .contains(leftover));
        assertThat(buildContainers()).isEmpty();
    }

    /** The final, pre-run, app and build images of one build. */
    private List<String> chain(BuildResult build) {
        var image = build.artifact().reference();
        return List.of(tag(deploymentOf(image)),
                ImageKind.PRE_RUN.tag(ancestor(image, ImageKind.PRE_RUN).labels().get(BuildLabels.KEY)),
                ImageKind.APP.tag(ancestor(image, ImageKind.APP).labels().get(BuildLabels.KEY)),
                ImageKind.BUILD.tag(build.report().buildKey().orElseThrow()));
    }

    private static String deploymentOf(String image) {
        return clients.control().inspectImageCmd(image).exec().getConfig().getLabels().get(BuildLabels.DEPLOYMENT);
    }

    private String tag(String deployment) {
        return DockerImageBuilder.imageTag(service, deployment);
    }
}
