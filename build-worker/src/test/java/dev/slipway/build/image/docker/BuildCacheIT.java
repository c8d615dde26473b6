package dev.slipway.build.image.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.build.RecordingLog;
import dev.slipway.build.image.BuildFailedException;
import dev.slipway.build.image.BuildLog.Stream;
import dev.slipway.build.image.docker.BuildReport.Stage;
import dev.slipway.build.model.ModelObject;
import dev.slipway.build.model.ModelSet;
import dev.slipway.config.AppRunnerConfig;
import dev.slipway.config.BuildSection;
import dev.slipway.config.NetworkSection;
import dev.slipway.config.RunSection;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The caches: an unchanged commit rebuilds without running a command, a code change reuses the
 * runtime and models layers, and models live in their own layer below the app, readable at
 * {@code /app/<target>} without being part of the app layer.
 */
class BuildCacheIT extends DockerBuildTestSupport {

    private static final int MODEL_BYTES = 20 * 1024 * 1024;
    private static final long APP_LAYERS_LIMIT = 2 * 1024 * 1024;
    private static final String TARGET = "models/model.bin";

    @TempDir
    Path source;
    @TempDir
    Path cache;
    private ModelSet models;
    private String modelSha256;

    @BeforeEach
    void writeAppAndModel() throws Exception {
        Files.writeString(source.resolve("app.py"), "print('version 1')\n");
        var bytes = new byte[MODEL_BYTES];
        new Random(42).nextBytes(bytes);
        var blob = Files.write(cache.resolve("blob"), bytes);
        modelSha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        models = new ModelSet(List.of(new ModelObject("s3://models/sentiment/model.bin", "etag-1", modelSha256,
                MODEL_BYTES, blob, TARGET)), MODEL_BYTES);
    }

    @Test
    void rebuildingAnUnchangedCommitRunsNoCommand(@TempDir Path checkout) throws Exception {
        var config = config("python311", List.of("wc -c " + TARGET), List.of("echo post-build"),
                List.of("echo pre-run"));
        var cold = builder().buildWithReport(plan(source, config, "d1").withModels(models, Map.of()),
                new RecordingLog());
        copy(source, checkout);
        var log = new RecordingLog();

        var warm = builder().buildWithReport(plan(checkout, config, "d2").withModels(models, Map.of()), log);

        print("cold build (python311, 20 MiB model)", cold.report());
        print("unchanged commit", warm.report());
        assertThat(cold.report().commandsRun()).isEqualTo(3);
        assertThat(warm.report().commandsRun()).isZero();
        assertThat(log.lines(Stream.STDOUT)).isEmpty();
        assertThat(log.lines(Stream.STDERR)).isEmpty();
        for (var stage : List.of(Stage.MODELS, Stage.BUILD_BASE, Stage.BUILD, Stage.POST_BUILD, Stage.RUN_BASE,
                Stage.APP, Stage.PRE_RUN)) {
            assertThat(warm.report().reused(stage)).as(stage.name()).isTrue();
        }
        assertThat(log.texts()).anySatisfy(text -> assertThat(text).startsWith("reusing build image "));
        assertThat(warm.report().buildKey()).isEqualTo(cold.report().buildKey());
        assertThat(warm.artifact().reference()).isNotEqualTo(cold.artifact().reference());
    }

    @ParameterizedTest
    @ValueSource(strings = {"python3", "python311"})
    void aCodeOnlyChangeReusesTheRuntimeAndModelLayers(String runtime) throws Exception {
        var config = config(runtime, List.of("python3 -m compileall -q ."), List.of(), List.of());
        var first = builder().buildWithReport(plan(source, config, "d1").withModels(models, Map.of()),
                new RecordingLog());
        var modelsCreated = clients.control().inspectImageCmd(first.report().modelImageId().orElseThrow()).exec()
                .getCreated();
        Files.writeString(source.resolve("app.py"), "print('version 2')\n");

        var second = builder().buildWithReport(plan(source, config, "d2").withModels(models, Map.of()),
                new RecordingLog());

        print("code-only change (" + runtime + ")", second.report());
        var report = second.report();
        assertThat(report.reused(Stage.MODELS)).isTrue();
        assertThat(report.reused(Stage.BUILD_BASE)).isTrue();
        assertThat(report.reused(Stage.BUILD)).isFalse();
        assertThat(report.commandsRun()).isEqualTo(1);
        assertThat(report.modelImageId()).isEqualTo(first.report().modelImageId());
        assertThat(clients.control().inspectImageCmd(report.modelImageId().orElseThrow()).exec().getCreated())
                .as("the models image was not rebuilt").isEqualTo(modelsCreated);
        var modelLayer = report.modelLayer().orElseThrow();
        assertThat(modelLayer).isEqualTo(first.report().modelLayer().orElseThrow());
        assertThat(layers(first.artifact().reference())).contains(modelLayer);
        assertThat(layers(second.artifact().reference())).contains(modelLayer);
        if (runtime.equals("python311")) {
            assertThat(report.reused(Stage.RUN_BASE)).isTrue();
            assertThat(report.reused(Stage.APP)).isFalse();
        }
        assertThat(run(second.artifact().reference()).output()).contains("version 2");
    }

    @ParameterizedTest
    @ValueSource(strings = {"python3", "python311"})
    void modelsAreReadableAtTheirTargetsAndStayOutOfTheAppLayer(String runtime) {
        var config = config(runtime, List.of("test \"$(sha256sum < " + TARGET + " | cut -d' ' -f1)\" = "
                + modelSha256), List.of(), List.of());

        var result = builder().buildWithReport(plan(source, config, "d1").withModels(models, Map.of()),
                new RecordingLog());

        var image = result.artifact().reference();
        var check = run(image, "sh", "-c", "test -L /app/" + TARGET + " && sha256sum < /app/" + TARGET);
        assertThat(check.exitCode()).as(check.output()).isZero();
        assertThat(check.output()).startsWith(modelSha256);
        var base = ancestor(image, runtime.equals("python3") ? ImageKind.BUILD_BASE : ImageKind.RUN_BASE);
        var finalSize = clients.control().inspectImageCmd(image).exec().getSize();
        assertThat(finalSize - base.size()).as("bytes above the base with the models").isLessThan(APP_LAYERS_LIMIT);
        assertThat(base.size()).isGreaterThan(MODEL_BYTES);
    }

    @Test
    void theDependencyCacheOutlivesBuildsButNeverEntersAnImage() throws Exception {
        var command = "if [ -f \"$PIP_CACHE_DIR/wheel\" ]; then echo cache hit; else mkdir -p \"$PIP_CACHE_DIR\""
                + " && head -c 204800 /dev/zero > \"$PIP_CACHE_DIR/wheel\" && echo cache miss; fi";
        var config = config("python3", List.of(command), List.of(), List.of());
        var first = new RecordingLog();
        builder().build(plan(source, config, "d1"), first);
        Files.writeString(source.resolve("app.py"), "print('version 2')\n");
        var second = new RecordingLog();

        var artifact = builder().build(plan(source, config, "d2"), second);

        assertThat(first.texts()).contains("cache miss");
        assertThat(second.texts()).contains("cache hit");
        assertThat(first.texts()).as("the log says what the build downloaded into the cache")
                .anySatisfy(line -> assertThat(line).startsWith("dependency cache: 20")
                        .contains("downloaded into it (pip 20").contains("it was empty before this build"));
        assertThat(second.texts()).as("the log says the rebuild downloaded nothing and what the cache held")
                .anySatisfy(line -> assertThat(line).startsWith("dependency cache: nothing new downloaded;"
                        + " held from earlier builds: pip 20"));
        assertThat(run(artifact.reference(), "sh", "-c", "ls -A " + Layout.DEPENDENCY_CACHE_DIRECTORY).output())
                .isEmpty();
        var volume = clients.control().inspectVolumeCmd(DependencyCache.volumeName(service)).exec();
        assertThat(volume.getLabels()).containsEntry(BuildLabels.MANAGED, "true")
                .containsEntry(BuildLabels.KIND, "dependency-cache")
                .containsEntry(BuildLabels.SERVICE, service);
    }

    @Test
    void aModelTargetTakenByASourceFileFailsNamingThePath() throws Exception {
        Files.createDirectories(source.resolve("models"));
        Files.writeString(source.resolve(TARGET), "checked in by mistake");
        var config = config("python3", List.of("true"), List.of(), List.of());

        assertThatThrownBy(() -> builder().build(plan(source, config, "d1").withModels(models, Map.of()),
                new RecordingLog()))
                .isInstanceOf(BuildFailedException.class)
                .hasMessageContaining("cannot be placed at " + TARGET)
                .hasMessageContaining("the source already has a file " + TARGET);
    }

    private static List<String> layers(String image) {
        return clients.control().inspectImageCmd(image).exec().getRootFS().getLayers();
    }

    private static AppRunnerConfig config(String runtime, List<String> build, List<String> postBuild,
            List<String> preRun) {
        return new AppRunnerConfig("1.0", runtime, new BuildSection(List.of(), build, postBuild, List.of()),
                new RunSection(Optional.empty(), preRun, "python3 app.py", NetworkSection.defaults(), List.of(),
                        List.of()));
    }

    private static void copy(Path from, Path to) throws IOException {
        try (var files = Files.list(from)) {
            for (var file : files.toList()) {
                Files.copy(file, to.resolve(file.getFileName()));
            }
        }
    }

    /** Timings for the build benchmarks: one line per build with seconds per stage. */
    private static void print(String what, BuildReport report) {
        System.out.printf("build timing: %-40s total %6.2f s: %s%n", what, report.total().toMillis() / 1000.0,
                report.steps().stream().map(step -> String.format("%s %.2f%s", step.stage(), step.seconds(),
                        step.reused() ? " (reused)" : "")).collect(Collectors.joining(", ")));
    }
}
