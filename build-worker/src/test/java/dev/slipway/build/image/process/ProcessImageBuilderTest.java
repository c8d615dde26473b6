package dev.slipway.build.image.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.slipway.build.RecordingLog;
import dev.slipway.build.RecordingLog.Entry;
import dev.slipway.build.RecordingLog.Line;
import dev.slipway.build.TestCertificates;
import dev.slipway.build.TestHttpsServer;
import dev.slipway.build.TestConfigs;
import dev.slipway.build.image.Artifact;
import dev.slipway.build.image.BuildCancelledException;
import dev.slipway.build.image.BuildFailedException;
import dev.slipway.build.image.BuildLog.Stream;
import dev.slipway.build.model.ModelObject;
import dev.slipway.build.model.ModelSet;
import dev.slipway.build.model.StoreAccess;
import dev.slipway.build.network.CompanyNetwork;
import dev.slipway.build.plan.BuildPlan;
import dev.slipway.config.AppRunnerConfig;
import dev.slipway.config.EnvVar;
import dev.slipway.config.project.ProjectKind;
import dev.slipway.config.runtime.RuntimeCatalog;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessImageBuilderTest {

    private static final String COMMIT = "0123456789abcdef0123456789abcdef01234567";

    @TempDir
    Path root;

    @Test
    void buildsHelloPythonIntoADirectoryThatServesHttp() throws Exception {
        var builder = new ProcessImageBuilder(root);

        var artifact = builder.build(plan(TestConfigs.HELLO_PYTHON, TestConfigs.helloPython()), new RecordingLog());

        var app = root.resolve("hello/d1/app").toAbsolutePath();
        assertThat(artifact.kind()).isEqualTo(Artifact.Kind.DIRECTORY);
        assertThat(artifact.reference()).isEqualTo(app.toString());
        assertThat(app.resolve("app.py")).exists();
        assertThat(app.resolve("__pycache__")).isDirectory();
        assertThat(artifact.run().command()).contains("python3 app.py");
        assertThat(artifact.run().port()).isEqualTo(8080);
        assertThat(artifact.run().portEnv()).contains("APP_PORT");
        assertThat(artifact.run().env()).containsExactly(Map.entry("GREETING", "Hello from Slipway"));
        assertServes(app, artifact.run().command().orElseThrow(), artifact.run().env());
    }

    @Test
    void streamsEachCommandsOutputWithItsPhaseAndStreamAndGivesThemBuildEnv() {
        var config = revised(TestConfigs.python(TestConfigs.build(
                List.of("echo pre $MODE"), List.of("echo build $MODE"), List.of("echo post $MODE >&2"),
                List.of(new EnvVar("MODE", "fast"))), List.of("echo pre-run $MODE"), List.of()));
        var log = new RecordingLog();

        new ProcessImageBuilder(root).build(plan(TestConfigs.HELLO_PYTHON, config), log);

        assertThat(log.entries()).containsSubsequence(
                new Entry("pre-build", Stream.STDOUT, "pre fast"),
                new Entry("build", Stream.STDOUT, "build fast"),
                new Entry("post-build", Stream.STDERR, "post fast"),
                new Entry("pre-run", Stream.STDOUT, "pre-run fast"));
    }

    @Test
    void preRunIsIgnoredOnOriginalBuildRuntimes() {
        var config = TestConfigs.python(TestConfigs.build(List.of(), List.of("true"), List.of(), List.of()),
                List.of("echo must-not-run"), List.of());
        var log = new RecordingLog();

        new ProcessImageBuilder(root).build(plan(TestConfigs.HELLO_PYTHON, config), log);

        assertThat(log.texts()).doesNotContain("must-not-run")
                .anySatisfy(line -> assertThat(line).startsWith("ignoring run.pre-run: runtime python3"));
    }

    @Test
    void secretVariablesReachBuildCommandsAndAreMaskedInTheLog() {
        var config = TestConfigs.buildingWith("echo ${#MODEL_TOKEN} $MODEL_TOKEN");
        var plan = plan(TestConfigs.HELLO_PYTHON, config).withModels(ModelSet.EMPTY,
                Map.of("MODEL_TOKEN", "s3cr3t-value"));
        var log = new RecordingLog();

        new ProcessImageBuilder(root).build(plan, log);

        assertThat(log.lines(Stream.STDOUT)).containsExactly(new Line("build", "12 ****"));
    }

    @Test
    void theStoresRegionAndEndpointStayReadableInTheLogWhileItsCredentialsAreMasked() {
        var access = new StoreAccess(Optional.of(URI.create("http://127.0.0.1:9000")), "eu-west-3",
                Optional.of("AKIAEXAMPLEKEY"), Optional.of("secret-access-key"), Optional.empty());
        var config = TestConfigs.buildingWith(
                "echo $AWS_REGION $AWS_ENDPOINT_URL_S3 $AWS_ACCESS_KEY_ID $AWS_SECRET_ACCESS_KEY");
        var plan = plan(TestConfigs.HELLO_PYTHON, config).withModels(ModelSet.EMPTY, access.asEnvironment());
        var log = new RecordingLog();

        new ProcessImageBuilder(root).build(plan, log);

        assertThat(log.lines(Stream.STDOUT))
                .containsExactly(new Line("build", "eu-west-3 http://127.0.0.1:9000 **** ****"));
    }

    @Test
    void modelsAppearAsLinksToTheCachedFilesAtTheirTargets(@TempDir Path cache) throws Exception {
        var blob = Files.writeString(cache.resolve("blob"), "weights");
        var plan = plan(TestConfigs.HELLO_PYTHON, TestConfigs.buildingWith("cat models/model.bin"))
                .withModels(models(blob, "models/model.bin"), Map.of());
        var log = new RecordingLog();

        var artifact = new ProcessImageBuilder(root).build(plan, log);

        var link = Path.of(artifact.reference()).resolve("models/model.bin");
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readSymbolicLink(link)).isEqualTo(blob.toAbsolutePath());
        assertThat(log.lines(Stream.STDOUT)).contains(new Line("build", "weights"));
    }

    @Test
    void aModelTargetTakenByASourceFileFailsNamingIt(@TempDir Path source, @TempDir Path cache) throws Exception {
        Files.writeString(source.resolve("model.bin"), "in the repository");
        var blob = Files.writeString(cache.resolve("blob"), "weights");
        var plan = plan(source, TestConfigs.buildingWith("true")).withModels(models(blob, "model.bin"), Map.of());

        assertThatThrownBy(() -> new ProcessImageBuilder(root).build(plan, new RecordingLog()))
                .isInstanceOf(BuildFailedException.class)
                .hasMessageContaining("model.bin")
                .hasMessageContaining("the source already has a file model.bin");
    }

    @Test
    void interruptingTheBuildKillsItsProcessesAndCancelsIt(@TempDir Path scratch) throws Exception {
        var pidFile = scratch.resolve("background.pid");
        var command = "sleep 60 & echo $! > '" + pidFile + "'; echo started; sleep 60";
        var log = new RecordingLog();
        var failure = new java.util.concurrent.atomic.AtomicReference<Throwable>();
        var thread = new Thread(() -> {
            try {
                new ProcessImageBuilder(root).build(plan(TestConfigs.HELLO_PYTHON, TestConfigs.buildingWith(command)),
                        log);
            } catch (Throwable e) {
                failure.set(e);
            }
        });
        thread.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> log.texts().contains("started"));

        thread.interrupt();
        thread.join(10_000);

        assertThat(thread.isAlive()).isFalse();
        assertThat(failure.get()).isInstanceOf(BuildCancelledException.class).hasMessageContaining(command);
        var background = Long.parseLong(Files.readString(pidFile).strip());
        await().atMost(Duration.ofSeconds(5))
                .until(() -> ProcessHandle.of(background).map(p -> !p.isAlive()).orElse(true));
    }

    @Test
    void aFailingCommandGivesItsCommandExitCodeAndLastLines() {
        var command = "for i in $(seq 1 30); do echo line-$i; done; echo broken >&2; exit 3";
        var builder = new ProcessImageBuilder(root);

        assertThatThrownBy(() -> builder.build(plan(TestConfigs.HELLO_PYTHON, TestConfigs.buildingWith(command)),
                new RecordingLog()))
                .isInstanceOf(BuildFailedException.class)
                .hasMessageContaining("build command `" + command + "` failed with exit code 3")
                .hasMessageContaining("line-30")
                .hasMessageContaining("broken")
                .hasMessageNotContaining("line-10\n");
        assertThat(root.resolve("hello/d1")).doesNotExist();
    }

    @Test
    void theTimeoutKillsTheBuildAndItsChildProcesses(@TempDir Path scratch) throws Exception {
        var pidFile = scratch.resolve("background.pid");
        var command = "sleep 60 & echo $! > '" + pidFile + "'; echo waiting; sleep 60";
        var builder = new ProcessImageBuilder(root, RuntimeCatalog.defaults(), Duration.ofSeconds(2), System.getenv());
        var started = Instant.now();

        assertThatThrownBy(() -> builder.build(plan(TestConfigs.HELLO_PYTHON, TestConfigs.buildingWith(command)),
                new RecordingLog()))
                .isInstanceOf(BuildFailedException.class)
                .hasMessageContaining("timed out after 2s")
                .hasMessageContaining(command)
                .hasMessageContaining("waiting");

        assertThat(Duration.between(started, Instant.now())).isLessThan(Duration.ofSeconds(20));
        var background = Long.parseLong(Files.readString(pidFile).strip());
        await().atMost(Duration.ofSeconds(5))
                .until(() -> ProcessHandle.of(background).map(p -> !p.isAlive()).orElse(true));
    }

    @Test
    void buildCommandsTrustTheExtraCaThroughFilesOnThisMachine(@TempDir Path scratch) throws Exception {
        var ca = TestCertificates.authority("Process Test CA");
        var network = CompanyNetwork.of(Optional.of(ca.writePem(scratch.resolve("ca.pem"))), scratch.resolve("trust"),
                Map.of(), false);
        Files.copy(Path.of("src/test/resources/network/Fetch.java"), scratch.resolve("Fetch.java"));
        var java = Path.of(System.getProperty("java.home"), "bin", "java");
        try (var server = TestHttpsServer.start(InetAddress.getLoopbackAddress(), ca,
                Map.of("/hello.txt", "hello over tls".getBytes(StandardCharsets.UTF_8)))) {
            var url = server.url("/hello.txt");
            var python = "python3 -c \"import urllib.request as r; print('python fetched', r.urlopen('" + url
                    + "').read().decode())\"";
            var config = TestConfigs.python(TestConfigs.build(List.of(), List.of(python,
                    "'" + java + "' '" + scratch.resolve("Fetch.java") + "' " + url), List.of(),
                    List.of(new EnvVar("JAVA_TOOL_OPTIONS", "-Dslipway.test=appended"))), List.of(), List.of());
            var untrusting = new ProcessImageBuilder(root, RuntimeCatalog.defaults(), Duration.ofMinutes(2),
                    System.getenv());
            var trusting = new ProcessImageBuilder(root, RuntimeCatalog.defaults(), Duration.ofMinutes(2),
                    System.getenv(), network);

            assertThatThrownBy(() -> untrusting.build(plan(TestConfigs.HELLO_PYTHON, config), new RecordingLog()))
                    .isInstanceOf(BuildFailedException.class).hasMessageContaining("CERTIFICATE_VERIFY_FAILED");
            var log = new RecordingLog();
            trusting.build(plan(TestConfigs.HELLO_PYTHON, config), log);

            assertThat(log.lines(Stream.STDOUT)).extracting(Line::text).contains("python fetched hello over tls",
                    "java fetched hello over tls, slipway.test=appended");
        }
    }

    @Test
    void buildCommandsGetTheProxiesInBothCasesWithTheirPasswordsMasked() {
        var network = CompanyNetwork.of(Optional.empty(), root.resolve("trust"),
                Map.of("HTTPS_PROXY", "http://alice:pr0xy-pass@proxy.corp:3128", "NO_PROXY", "localhost"), false);
        var builder = new ProcessImageBuilder(root, RuntimeCatalog.defaults(), Duration.ofMinutes(1), System.getenv(),
                network);
        var log = new RecordingLog();

        builder.build(plan(TestConfigs.HELLO_PYTHON, TestConfigs.buildingWith(
                "echo \"$https_proxy|$HTTPS_PROXY|$no_proxy|$JAVA_TOOL_OPTIONS\"")), log);

        assertThat(log.lines(Stream.STDOUT)).extracting(Line::text).containsExactly(
                "http://alice:****@proxy.corp:3128|http://alice:****@proxy.corp:3128|localhost|"
                        + "-Dhttps.proxyHost=proxy.corp -Dhttps.proxyPort=3128"
                        + " -Dhttp.nonProxyHosts=localhost|*.localhost|127.*|[::1]");
    }

    @Test
    void aMissingHostCommandGivesAClearError() {
        var builder = new ProcessImageBuilder(root, RuntimeCatalog.defaults(), Duration.ofMinutes(1),
                Map.of("PATH", root.resolve("no-bin").toString()));

        assertThatThrownBy(() -> builder.build(plan(TestConfigs.HELLO_PYTHON, TestConfigs.helloPython()),
                new RecordingLog()))
                .isInstanceOf(BuildFailedException.class)
                .hasMessage("runtime python3 needs python3 on this machine's PATH to run as a local process;"
                        + " install it or use the Docker runtime");
    }

    @Test
    void dockerfileProjectsNeedTheDockerRuntime(@TempDir Path source) throws Exception {
        Files.writeString(source.resolve("Dockerfile"), "FROM scratch\n");
        var plan = new BuildPlan("web", "d1", COMMIT, source, ProjectKind.DOCKERFILE, Optional.empty());

        assertThatThrownBy(() -> new ProcessImageBuilder(root).build(plan, new RecordingLog()))
                .isInstanceOf(BuildFailedException.class)
                .hasMessageContaining("Dockerfile")
                .hasMessageContaining("Docker runtime");
    }

    @Test
    void deleteRemovesADeploymentsBuildDirectory() {
        var builder = new ProcessImageBuilder(root);
        builder.build(plan(TestConfigs.HELLO_PYTHON, TestConfigs.helloPython()), new RecordingLog());

        builder.delete("hello", "d1");

        assertThat(root.resolve("hello/d1")).doesNotExist();
        assertThat(builder.appDirectory("hello", "d1")).isEqualTo(root.resolve("hello/d1/app"));
    }

    @Test
    void refusesNamesThatWouldLeaveTheBuildRoot() {
        var builder = new ProcessImageBuilder(root);

        assertThatThrownBy(() -> builder.delete("..", "d1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.appDirectory("hello", "a/b")).isInstanceOf(IllegalArgumentException.class);
    }

    private static AppRunnerConfig revised(AppRunnerConfig config) {
        return new AppRunnerConfig(config.version(), "python311", config.build(), config.run());
    }

    private static ModelSet models(Path file, String target) throws IOException {
        return new ModelSet(List.of(new ModelObject("s3://models/" + target, "etag", "0".repeat(64),
                Files.size(file), file, target)), 0);
    }

    private static BuildPlan plan(Path source, AppRunnerConfig config) {
        return new BuildPlan("hello", "d1", COMMIT, source, ProjectKind.APPRUNNER_YAML, Optional.of(config));
    }

    private static void assertServes(Path app, String command, Map<String, String> env) throws Exception {
        var port = freePort();
        var builder = new ProcessBuilder("sh", "-c", command).directory(app.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().putAll(env);
        builder.environment().put("PORT", Integer.toString(port));
        var process = builder.start();
        try {
            var http = HttpClient.newHttpClient();
            var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                    .timeout(Duration.ofSeconds(2)).build();
            await().atMost(Duration.ofSeconds(20)).ignoreExceptions().untilAsserted(() ->
                    assertThat(http.send(request, HttpResponse.BodyHandlers.ofString()).body())
                            .isEqualTo("Hello from Slipway! (version 1)\n"));
        } finally {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor();
        }
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
