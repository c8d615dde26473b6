package dev.slipway.build.bench;

import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Volume;
import dev.slipway.build.image.BuildLog;
import dev.slipway.build.image.docker.BuildReport;
import dev.slipway.build.image.docker.DockerClients;
import dev.slipway.build.image.docker.DockerImageBuilder;
import dev.slipway.build.model.ContentCache;
import dev.slipway.build.model.S3TestServer;
import dev.slipway.build.model.s3.S3ArtifactStore;
import dev.slipway.build.plan.BuildPlanner;
import dev.slipway.build.source.FetchedSource;
import dev.slipway.config.runtime.RuntimeCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * {@code make bench-build}: builds {@code examples/sentiment-python} with its scikit-learn model in
 * an in-process S3 store three times — cold (no model cache, no cached layers), unchanged (the same
 * commit again) and code-only (one line of app.py changed) — and prints seconds (model fetch plus
 * build), model bytes downloaded and image size for each, against the targets. Then the same for
 * a Maven and an npm app with their dependency downloads ({@link AppBuildBenchmark}).
 */
public final class BuildBenchmark {

    static final String SERVICE = "bench-sentiment";
    static final String SKLEARN_IMAGE = "slipway/runtime-python3-sklearn:bookworm";
    static final String BUCKET = "slipway-examples";
    static final String KEY = "sentiment/v1/sentiment.joblib";
    static final double UNCHANGED_TARGET_SECONDS = 2;
    static final double CODE_ONLY_TARGET_SECONDS = 10;

    /** One measured build. */
    record Row(String build, double seconds, long modelBytesDownloaded, long imageBytes, Double targetSeconds) {
    }

    public static void main(String[] args) throws Exception {
        if (!DockerClients.isAvailable()) {
            System.err.println("bench-build: no Docker daemon answers");
            System.exit(1);
        }
        var scratch = Files.createTempDirectory("slipway-bench-build");
        try (var clients = DockerClients.connect(); var s3 = S3TestServer.start()) {
            var builder = new DockerImageBuilder(clients,
                    RuntimeCatalog.defaults().withOverrides(Map.of("python311", SKLEARN_IMAGE)));
            builder.collectGarbage(Map.of(SERVICE, Set.of()), Duration.ZERO);
            s3.createBucket(BUCKET);
            s3.put(BUCKET, KEY, train(clients, scratch.resolve("training")));
            var source = copyExample(scratch.resolve("app"));
            var rows = new ArrayList<Row>();
            try (var store = new S3ArtifactStore(new ContentCache(scratch.resolve("model-cache")))) {
                var bench = new Bench(builder, store, s3);
                rows.add(bench.build("cold build", source, 1, null));
                rows.add(bench.build("unchanged rebuild", source, 2, UNCHANGED_TARGET_SECONDS));
                var app = source.resolve("app.py");
                Files.writeString(app, Files.readString(app).replace("MAX_BODY = 64 * 1024", "MAX_BODY = 32 * 1024"));
                rows.add(bench.build("code-only rebuild", source, 3, CODE_ONLY_TARGET_SECONDS));
            } finally {
                builder.collectGarbage(Map.of(SERVICE, Set.of()), Duration.ZERO);
                builder.removeDependencyCache(SERVICE);
            }
            print(rows);
            AppBuildBenchmark.print(AppBuildBenchmark.run(clients, scratch));
        } finally {
            deleteRecursively(scratch);
        }
    }

    /** Fetches the models and builds, timing both as one, as a deployment does. */
    private record Bench(DockerImageBuilder builder, S3ArtifactStore store, S3TestServer s3) {

        Row build(String name, Path source, int number, Double target) {
            var planner = new BuildPlanner();
            var started = System.nanoTime();
            var plan = planner.plan(SERVICE, "d-bench-" + number, new FetchedSource("0".repeat(40), source));
            var models = store.fetch(plan.config().orElseThrow().models(), s3.access(), BuildLog.NULL);
            var result = builder.buildWithReport(plan.withModels(models, s3.access().asEnvironment()), BuildLog.NULL);
            var seconds = (System.nanoTime() - started) / 1e9;
            report(name, result.report());
            return new Row(name, seconds, models.downloadedBytes(), result.report().imageSize(), target);
        }

        private static void report(String name, BuildReport report) {
            var steps = new StringBuilder();
            for (var step : report.steps()) {
                steps.append(String.format(" %s %.2fs%s", step.stage(), step.seconds(), step.reused() ? " (reused)" : ""));
            }
            System.out.println(name + ":" + steps);
        }
    }

    private static byte[] train(DockerClients clients, Path work) throws IOException, InterruptedException {
        Files.createDirectories(work);
        Files.copy(example().resolve("train.py"), work.resolve("train.py"));
        var docker = clients.streaming();
        var id = docker.createContainerCmd(SKLEARN_IMAGE).withCmd("python3", "/work/train.py", "/work/model.joblib")
                .withHostConfig(HostConfig.newHostConfig().withBinds(new Bind(work.toString(), new Volume("/work"))))
                .exec().getId();
        try {
            docker.startContainerCmd(id).exec();
            var exit = docker.waitContainerCmd(id).start().awaitStatusCode(5, TimeUnit.MINUTES);
            if (exit != 0) {
                throw new IllegalStateException("train.py exited with " + exit);
            }
        } finally {
            docker.removeContainerCmd(id).withForce(true).exec();
        }
        return Files.readAllBytes(work.resolve("model.joblib"));
    }

    private static void print(List<Row> rows) {
        System.out.println();
        System.out.printf("Build of examples/sentiment-python with its S3 model (%d cores, %s)%n%n",
                Runtime.getRuntime().availableProcessors(), LocalDate.now());
        System.out.println("| build             | seconds | model bytes downloaded | image size (MB) | target   | vs target |");
        System.out.println("|-------------------|---------|------------------------|-----------------|----------|-----------|");
        for (var row : rows) {
            var target = row.targetSeconds() == null ? "—" : String.format("< %.0f s", row.targetSeconds());
            var ratio = row.targetSeconds() == null ? "—" : String.format("%.2f×", row.seconds() / row.targetSeconds());
            System.out.printf("| %-17s | %7.2f | %22d | %15.1f | %-8s | %9s |%n", row.build(), row.seconds(),
                    row.modelBytesDownloaded(), row.imageBytes() / 1e6, target, ratio);
        }
    }

    private static Path copyExample(Path target) throws IOException {
        return copy(example(), target);
    }

    /** Copies the regular files of {@code source} into {@code target}. */
    static Path copy(Path source, Path target) throws IOException {
        try (var files = Files.walk(source)) {
            for (var file : files.filter(Files::isRegularFile).toList()) {
                var copy = target.resolve(source.relativize(file).toString());
                Files.createDirectories(copy.getParent());
                Files.copy(file, copy);
            }
        }
        return target;
    }

    private static Path example() {
        return repositoryDirectory("examples/sentiment-python");
    }

    /** A directory of the repository, found from wherever the benchmark runs. */
    static Path repositoryDirectory(String path) {
        for (var dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            var candidate = dir.resolve(path);
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException(path + " not found");
    }

    private static void deleteRecursively(Path path) throws IOException {
        try (var walk = Files.walk(path)) {
            for (var p : walk.sorted(Comparator.reverseOrder()).toList()) {
                p.toFile().setWritable(true);
                Files.deleteIfExists(p);
            }
        }
    }
}
