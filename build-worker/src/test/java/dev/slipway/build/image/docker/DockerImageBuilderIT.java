package dev.slipway.build.image.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.github.dockerjava.api.exception.NotFoundException;
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
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DockerImageBuilderIT {

    private static final String RUNTIME_IMAGE = "slipway/runtime-python3:bookworm";
    private static final String TEST_LABEL = "dev.slipway.test";
    private static final String COMMIT = "0123456789abcdef0123456789abcdef01234567";
    private static final Pattern LAYER_LINE = Pattern.compile(" ---> ([0-9a-f]{12})");

    private static DockerClients clients;
    private final String service = "it-" + UUID.randomUUID().toString().substring(0, 8);
    private final List<String> containers = new ArrayList<>();
    private final List<String> images = new ArrayList<>();
    private DockerImageBuilder builder;

    @BeforeAll
    static void connectWhenDockerAnswers() {
        if (DockerClients.isAvailable()) {
            clients = DockerClients.connect();
        }
    }

    // Checked per test, not in @BeforeAll: the test reports then show each skip with its reason.
    @BeforeEach
    void requireDockerAndRuntimeImage() {
        Assumptions.assumeTrue(clients != null,
                "no Docker daemon answers at DOCKER_HOST or the default socket; skipping Docker image builds");
        Assumptions.assumeTrue(isPresent(RUNTIME_IMAGE),
                RUNTIME_IMAGE + " is missing; run `make runtimes` to build the offline runtime images");
    }

    @AfterAll
    static void closeClients() {
        if (clients != null) {
            clients.close();
        }
    }

    @AfterEach
    void removeWhatTheTestCreated() {
        if (clients == null) {
            return;
        }
        containers.forEach(id -> ignoreMissing(() -> clients.control().removeContainerCmd(id).withForce(true).exec()));
        images.forEach(image -> ignoreMissing(() -> clients.control().removeImageCmd(image).withForce(true).exec()));
    }

    @Test
    void buildsHelloPythonIntoAnImageThatServesHttpOnPort8080() throws Exception {
        builder = new DockerImageBuilder(clients);

        var artifact = build(plan(TestConfigs.HELLO_PYTHON, TestConfigs.helloPython()), new RecordingLog());

        assertThat(artifact.kind()).isEqualTo(Artifact.Kind.IMAGE);
        assertThat(artifact.reference()).isEqualTo(clients.control().inspectImageCmd(tag()).exec().getId());
        assertThat(artifact.run().command()).contains("python3 app.py");
        assertThat(artifact.run().port()).isEqualTo(8080);
        assertThat(artifact.run().portEnv()).contains("APP_PORT");
        assertThat(artifact.run().env()).containsExactly(Map.entry("GREETING", "Hello from Slipway"));

        var ip = startContainer(artifact.reference());
        assertThat(get("http://" + ip + ":8080/")).isEqualTo("Hello from Slipway! (version 1)\n");
        assertThat(get("http://" + ip + ":8080/info")).contains("\"port\": \"8080\"");
    }

    @Test
    void buildLogLinesArriveWithTheirPhases() {
        builder = new DockerImageBuilder(clients);
        var config = TestConfigs.python(TestConfigs.build(List.of("echo pre-build-marker"),
                List.of("echo build-marker"), List.of("echo post-build-marker >&2"), List.of()),
                List.of("echo pre-run-marker"), List.of());
        var log = new RecordingLog();

        build(plan(TestConfigs.HELLO_PYTHON, config), log);

        assertThat(log.lines()).containsSubsequence(
                new Line("base", "using base image " + RUNTIME_IMAGE + " for runtime python3"),
                new Line("pre-build", "pre-build-marker"),
                new Line("build", "build-marker"),
                new Line("post-build", "post-build-marker"),
                new Line("pre-run", "pre-run-marker"));
        assertThat(log.lines()).anySatisfy(line -> {
            assertThat(line.phase()).isEqualTo("image");
            assertThat(line.text()).startsWith("Step ").contains(": CMD [\"sh\", \"-c\", \"python3 app.py\"]");
        });
    }

    @Test
    void aFailingBuildCommandGivesItsCommandExitCodeAndLastLines() {
        builder = new DockerImageBuilder(clients);
        var command = "for i in $(seq 1 30); do echo line-$i; done; echo broken >&2; exit 3";
        var log = new RecordingLog();

        assertThatThrownBy(() -> build(plan(TestConfigs.HELLO_PYTHON, TestConfigs.buildingWith(command)), log))
                .isInstanceOf(BuildFailedException.class)
                .hasMessageStartingWith("build command `" + command + "` failed with exit code 3\n")
                .hasMessageContaining("last 20 lines of output:")
                .hasMessageContaining("line-30")
                .hasMessageContaining("broken")
                .hasMessageNotContaining("line-10\n")
                .hasMessageNotContaining("Running in");
        removeIntermediateImages(log);
    }

    @Test
    void buildEnvStaysOutOfTheImageWhileRunEnvPortAndLabelsAreSet() {
        builder = new DockerImageBuilder(clients);
        var config = TestConfigs.python(TestConfigs.build(List.of(), List.of("test \"$MODE\" = only-while-building"),
                List.of(), List.of(new EnvVar("MODE", "only-while-building"))),
                List.of("test \"$MODE\" = only-while-building"),
                List.of(new EnvVar("GREETING", "Hi \"there\" $USER \\o/")));

        var artifact = build(plan(TestConfigs.HELLO_PYTHON, config), new RecordingLog());

        var image = clients.control().inspectImageCmd(artifact.reference()).exec().getConfig();
        assertThat(image.getEnv()).noneMatch(variable -> variable.startsWith("MODE="))
                .contains("GREETING=Hi \"there\" $USER \\o/", "PORT=8080");
        assertThat(image.getLabels()).containsEntry(DockerImageBuilder.SERVICE_LABEL, service)
                .containsEntry(DockerImageBuilder.DEPLOYMENT_LABEL, "d1")
                .containsEntry(DockerImageBuilder.COMMIT_LABEL, COMMIT);
        assertThat(image.getWorkingDir()).isEqualTo("/app");
    }

    @Test
    void theRunNetworkEnvVariableAlsoCarriesThePort() {
        builder = new DockerImageBuilder(clients);

        var artifact = build(plan(TestConfigs.HELLO_PYTHON, TestConfigs.helloPython()), new RecordingLog());

        assertThat(clients.control().inspectImageCmd(artifact.reference()).exec().getConfig().getEnv())
                .contains("PORT=8080", "APP_PORT=8080", "GREETING=Hello from Slipway");
    }

    @Test
    void theGeneratedDockerfileStaysOutOfTheApp(@TempDir Path source) throws Exception {
        builder = new DockerImageBuilder(clients);
        Files.writeString(source.resolve("app.py"), "print('hi')\n");
        Files.writeString(source.resolve(".dockerignore"), "app.py\n");
        var check = "test ! -e " + DockerImageBuilder.GENERATED_DOCKERFILE
                + " && test -e app.py && test -e .dockerignore";

        var artifact = build(plan(source, TestConfigs.buildingWith(check)), new RecordingLog());

        assertThat(artifact.reference()).startsWith("sha256:");
    }

    @Test
    void successfullyBuiltPrintedByACommandDoesNotFoolImageDetection() {
        builder = new DockerImageBuilder(clients);

        var artifact = build(plan(TestConfigs.HELLO_PYTHON,
                TestConfigs.buildingWith("echo 'Successfully built 0123456789ab'")), new RecordingLog());

        assertThat(artifact.reference()).isEqualTo(clients.control().inspectImageCmd(tag()).exec().getId())
                .doesNotContain("0123456789ab");
    }

    @Test
    void aDockerfileProjectBuildsAsItIs(@TempDir Path source) throws Exception {
        builder = new DockerImageBuilder(clients);
        Files.writeString(source.resolve("Dockerfile"), "FROM " + RUNTIME_IMAGE + "\n"
                + "COPY serve.py /srv/serve.py\nRUN echo dockerfile-run-marker\nEXPOSE 9000 7000/udp\n"
                + "CMD [\"python3\", \"/srv/serve.py\"]\n");
        Files.writeString(source.resolve("serve.py"), "print('serving')\n");
        var plan = new BuildPlan(service, "d1", COMMIT, source, ProjectKind.DOCKERFILE, Optional.empty());
        var log = new RecordingLog();

        var artifact = build(plan, log);

        assertThat(artifact.run().command()).isEmpty();
        assertThat(artifact.run().port()).isEqualTo(9000);
        assertThat(log.lines()).contains(new Line("build", "dockerfile-run-marker"));
        var image = clients.control().inspectImageCmd(artifact.reference()).exec().getConfig();
        assertThat(image.getCmd()).containsExactly("python3", "/srv/serve.py");
        assertThat(image.getLabels()).containsEntry(DockerImageBuilder.SERVICE_LABEL, service)
                .containsEntry(DockerImageBuilder.COMMIT_LABEL, COMMIT);
    }

    @Test
    void aDockerfileTheDaemonCannotParseIsReportedInItsWords(@TempDir Path source) throws Exception {
        builder = new DockerImageBuilder(clients);
        Files.writeString(source.resolve("Dockerfile"), "FROM " + RUNTIME_IMAGE + "\nBREW coffee\n");
        var plan = new BuildPlan(service, "d1", COMMIT, source, ProjectKind.DOCKERFILE, Optional.empty());

        assertThatThrownBy(() -> build(plan, new RecordingLog()))
                .isInstanceOf(BuildFailedException.class)
                .hasMessageContaining("unknown instruction: BREW")
                .hasMessageNotContaining("Status 400");
    }

    @Test
    void aMissingBaseImageNamesTheImagesTriedAndMakeRuntimes() {
        var catalog = RuntimeCatalog.defaults().withOverrides(Map.of("python3",
                "registry.invalid/slipway/missing:1, registry.invalid/slipway/also-missing:1"));
        builder = new DockerImageBuilder(clients, catalog);

        assertThatThrownBy(() -> build(plan(TestConfigs.HELLO_PYTHON, TestConfigs.helloPython()), new RecordingLog()))
                .isInstanceOf(BuildFailedException.class)
                .hasMessageContaining("registry.invalid/slipway/missing:1, registry.invalid/slipway/also-missing:1")
                .hasMessageContaining("make runtimes")
                .hasMessageContaining("\n  registry.invalid/slipway/missing:1: ")
                .hasMessageContaining("\n  registry.invalid/slipway/also-missing:1: ")
                .hasMessageContaining("no such host");
    }

    private Artifact build(BuildPlan plan, RecordingLog log) {
        images.add(tag());
        return builder.build(plan, log);
    }

    private BuildPlan plan(Path source, AppRunnerConfig config) {
        return new BuildPlan(service, "d1", COMMIT, source, ProjectKind.APPRUNNER_YAML, Optional.of(config));
    }

    private String tag() {
        return DockerImageBuilder.imageTag(service, "d1");
    }

    private String startContainer(String image) {
        var id = clients.control().createContainerCmd(image).withLabels(Map.of(TEST_LABEL, service)).exec().getId();
        containers.add(id);
        clients.control().startContainerCmd(id).exec();
        var networks = clients.control().inspectContainerCmd(id).exec().getNetworkSettings().getNetworks();
        return networks.values().iterator().next().getIpAddress();
    }

    private static String get(String url) {
        var http = HttpClient.newHttpClient();
        var request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build();
        var body = new String[1];
        await().atMost(Duration.ofSeconds(20)).ignoreExceptions().untilAsserted(() -> {
            var response = http.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            body[0] = response.body();
        });
        return body[0];
    }

    /**
     * A failed build leaves the untagged images of its finished steps behind; removing the last one
     * removes its untagged parents too. Tagged images (the base) and images others build on stay.
     */
    private static void removeIntermediateImages(RecordingLog log) {
        var layers = log.texts().stream().map(LAYER_LINE::matcher).filter(Matcher::matches)
                .map(matcher -> matcher.group(1)).toList();
        if (layers.isEmpty()) {
            return;
        }
        var last = layers.get(layers.size() - 1);
        var tags = clients.control().inspectImageCmd(last).exec().getRepoTags();
        if (tags == null || tags.isEmpty()) {
            ignoreMissing(() -> clients.control().removeImageCmd(last).withNoPrune(false).exec());
        }
    }

    private static boolean isPresent(String image) {
        try {
            clients.control().inspectImageCmd(image).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    private static void ignoreMissing(Runnable removal) {
        try {
            removal.run();
        } catch (NotFoundException e) {
            // Already gone.
        } catch (RuntimeException e) {
            System.err.println("cleanup failed: " + e);
        }
    }
}
