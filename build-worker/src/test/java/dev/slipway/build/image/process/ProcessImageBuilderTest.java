package dev.slipway.build.image.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.slipway.build.RecordingLog;
import dev.slipway.build.RecordingLog.Line;
import dev.slipway.build.TestConfigs;
import dev.slipway.build.image.Artifact;
import dev.slipway.build.image.BuildFailedException;
import dev.slipway.build.plan.BuildPlan;
import dev.slipway.config.AppRunnerConfig;
import dev.slipway.config.EnvVar;
import dev.slipway.config.project.ProjectKind;
import dev.slipway.config.runtime.RuntimeCatalog;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
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
    void streamsEachCommandsOutputWithItsPhaseAndGivesThemBuildEnv() {
        var config = TestConfigs.python(TestConfigs.build(
                List.of("echo pre $MODE"), List.of("echo build $MODE"), List.of("echo post $MODE >&2"),
                List.of(new EnvVar("MODE", "fast"))), List.of("echo pre-run $MODE"), List.of());
        var log = new RecordingLog();

        new ProcessImageBuilder(root).build(plan(TestConfigs.HELLO_PYTHON, config), log);

        assertThat(log.lines()).containsSubsequence(
                new Line("pre-build", "pre fast"),
                new Line("build", "build fast"),
                new Line("post-build", "post fast"),
                new Line("pre-run", "pre-run fast"));
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
