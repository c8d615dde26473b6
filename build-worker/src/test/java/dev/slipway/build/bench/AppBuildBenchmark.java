package dev.slipway.build.bench;

import dev.slipway.build.image.BuildLog;
import dev.slipway.build.image.docker.BuildLimits;
import dev.slipway.build.image.docker.BuildReport;
import dev.slipway.build.image.docker.DependencyUse;
import dev.slipway.build.image.docker.DockerClients;
import dev.slipway.build.image.docker.DockerImageBuilder;
import dev.slipway.build.network.CompanyNetwork;
import dev.slipway.build.plan.BuildPlanner;
import dev.slipway.build.source.FetchedSource;
import dev.slipway.config.runtime.RuntimeCatalog;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The dependency-cache half of {@code make bench-build}: a Spring Boot app built with
 * {@code mvn clean package} and an Express app built with {@code npm install} ({@code test-apps/}),
 * each built cold (no dependency cache, no cached image), unchanged, and after a one-line code
 * change, with Maven Central and the npm registry reached through this machine's network (its CA
 * bundle given as {@code SLIPWAY_EXTRA_CA_CERTS} would be). Targets: the one-line change downloads
 * no dependency byte and takes under a quarter of the cold build.
 */
final class AppBuildBenchmark {

    static final double ONE_LINE_SHARE_TARGET = 0.25;
    private static final Path HOST_CA_BUNDLE = Path.of("/etc/ssl/certs/ca-certificates.crt");

    /** An app of {@code test-apps/}, the file its one-line change edits, and a registry it needs. */
    record App(String directory, String file, String from, String to, String registry) {
    }

    static final List<App> APPS = List.of(
            new App("spring-boot-maven", "src/main/java/com/example/greeting/GreetingApplication.java",
                    "\"Hello, \"", "\"Hi, \"", "repo.maven.apache.org"),
            new App("express-npm", "index.js", "Hello from Express!", "Hi from Express!", "registry.npmjs.org"));

    /** One measured build. */
    record Row(String app, String build, double seconds, long dependencyBytes, long networkBytes, double share) {
    }

    private AppBuildBenchmark() {
    }

    static List<Row> run(DockerClients clients, Path scratch) throws IOException {
        var bundle = Files.isRegularFile(HOST_CA_BUNDLE) ? Optional.of(HOST_CA_BUNDLE) : Optional.<Path>empty();
        var network = CompanyNetwork.of(bundle, scratch.resolve("trust"), System.getenv(), false);
        var builder = new DockerImageBuilder(clients, RuntimeCatalog.defaults(), BuildLimits.defaults(), network);
        var rows = new ArrayList<Row>();
        for (var app : APPS) {
            if (!reachable(app.registry())) {
                System.out.println(app.directory() + ": skipped, " + app.registry() + " cannot be reached");
                continue;
            }
            var service = "bench-" + app.directory();
            builder.collectGarbage(Map.of(service, Set.of()), Duration.ZERO);
            builder.removeDependencyCache(service);
            try {
                var source = BuildBenchmark.copy(BuildBenchmark.repositoryDirectory("test-apps/" + app.directory()),
                        scratch.resolve(app.directory()));
                var cold = build(builder, service, source, 1);
                rows.add(row(app, "cold build", cold, cold));
                rows.add(row(app, "unchanged rebuild", build(builder, service, source, 2), cold));
                var file = source.resolve(app.file());
                var text = Files.readString(file);
                if (!text.contains(app.from())) {
                    throw new IllegalStateException(app.file() + " no longer contains " + app.from());
                }
                Files.writeString(file, text.replace(app.from(), app.to()));
                rows.add(row(app, "one-line change", build(builder, service, source, 3), cold));
            } finally {
                builder.collectGarbage(Map.of(service, Set.of()), Duration.ZERO);
                builder.removeDependencyCache(service);
            }
        }
        return rows;
    }

    private record Measured(double seconds, BuildReport report) {
    }

    private static Measured build(DockerImageBuilder builder, String service, Path source, int number) {
        var plan = new BuildPlanner().plan(service, "d-bench-" + number, new FetchedSource("0".repeat(40), source));
        var started = System.nanoTime();
        var result = builder.buildWithReport(plan, BuildLog.NULL);
        var seconds = (System.nanoTime() - started) / 1e9;
        var steps = new StringBuilder(service + " build " + number + ":");
        result.report().steps().forEach(step -> steps.append(String.format(" %s %.2fs%s", step.stage(), step.seconds(),
                step.reused() ? " (reused)" : "")));
        System.out.println(steps);
        return new Measured(seconds, result.report());
    }

    private static Row row(App app, String build, Measured measured, Measured cold) {
        var use = measured.report().dependencies();
        return new Row(app.directory(), build, measured.seconds(), use.map(DependencyUse::addedBytes).orElse(0L),
                use.map(DependencyUse::networkReceived).orElse(0L), measured.seconds() / cold.seconds());
    }

    static void print(List<Row> rows) {
        if (rows.isEmpty()) {
            return;
        }
        System.out.println();
        System.out.println("Maven and npm apps: dependency bytes are what the build added to the dependency cache;"
                + " network bytes all the build container received");
        System.out.println();
        System.out.println("| app               | build             | seconds | dependency bytes | network bytes | × cold | target |");
        System.out.println("|-------------------|-------------------|---------|------------------|---------------|--------|--------|");
        for (var row : rows) {
            var oneLine = row.build().equals("one-line change");
            var target = !oneLine ? "—" : row.share() < ONE_LINE_SHARE_TARGET && row.dependencyBytes() == 0
                    ? "met" : "MISSED";
            System.out.printf("| %-17s | %-17s | %7.2f | %16d | %13d | %6.2f | %-6s |%n", row.app(), row.build(),
                    row.seconds(), row.dependencyBytes(), row.networkBytes(), row.share(), target);
        }
        System.out.printf("%nTarget for the one-line change: 0 dependency bytes and < %.0f%% of the cold build.%n",
                ONE_LINE_SHARE_TARGET * 100);
    }

    private static boolean reachable(String host) {
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, 443), 5_000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
