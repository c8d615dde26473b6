package dev.slipway.build.image.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.build.RecordingLog;
import dev.slipway.build.RecordingLog.Entry;
import dev.slipway.build.RecordingLog.Line;
import dev.slipway.build.TestConfigs;
import dev.slipway.build.image.Artifact;
import dev.slipway.build.image.BuildFailedException;
import dev.slipway.build.image.BuildLog.Stream;
import dev.slipway.build.plan.BuildPlan;
import dev.slipway.config.AppRunnerConfig;
import dev.slipway.config.EnvVar;
import dev.slipway.config.project.ProjectKind;
import dev.slipway.config.runtime.RuntimeCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a build produces and logs, for apprunner.yaml and Dockerfile projects. */
class DockerImageBuilderIT extends DockerBuildTestSupport {

    @Test
    void buildsHelloPythonIntoAnImageThatServesHttpOnPort8080() {
        var artifact = builder().build(plan(TestConfigs.HELLO_PYTHON, TestConfigs.helloPython(), "d1"),
                new RecordingLog());

        assertThat(artifact.kind()).isEqualTo(Artifact.Kind.IMAGE);
        assertThat(artifact.reference()).isEqualTo(clients.control().inspectImageCmd(tag("d1")).exec().getId());
        assertThat(artifact.run().command()).contains("python3 app.py");
        assertThat(artifact.run().port()).isEqualTo(8080);
        assertThat(artifact.run().portEnv()).contains("APP_PORT");
        assertThat(artifact.run().env()).containsExactly(Map.entry("GREETING", "Hello from Slipway"));

        var ip = start(artifact.reference());
        assertThat(get("http://" + ip + ":8080/")).isEqualTo("Hello from Slipway! (version 1)\n");
        assertThat(get("http://" + ip + ":8080/info")).contains("\"port\": \"8080\"");
    }

    @Test
    void buildLogLinesArriveWithTheirPhasesAndStreams() {
        var config = revised(TestConfigs.python(TestConfigs.build(List.of("echo pre-build-marker"),
                List.of("echo build-marker; echo build-error-marker >&2"), List.of("echo post-build-marker >&2"),
                List.of()), List.of("echo pre-run-marker"), List.of()));
        var log = new RecordingLog();

        builder().build(plan(TestConfigs.HELLO_PYTHON, config, "d1"), log);

        assertThat(log.entries()).containsSubsequence(
                new Entry("base", Stream.SYSTEM, "using base image " + PYTHON_IMAGE + " for runtime python311"),
                new Entry("pre-build", Stream.SYSTEM, "$ echo pre-build-marker"),
                new Entry("pre-build", Stream.STDOUT, "pre-build-marker"),
                new Entry("build", Stream.STDOUT, "build-marker"),
                new Entry("post-build", Stream.STDERR, "post-build-marker"),
                new Entry("pre-run", Stream.STDOUT, "pre-run-marker"));
        assertThat(log.entries()).contains(new Entry("build", Stream.STDERR, "build-error-marker"));
        assertThat(log.entries()).anySatisfy(entry -> {
            assertThat(entry.phase()).isEqualTo("image");
            assertThat(entry.text()).startsWith("Step ").contains(": CMD [\"sh\", \"-c\", \"python3 app.py\"]");
        });
    }

    @Test
    void preRunOnAnOriginalBuildRuntimeIsLoggedAsIgnored() {
        var config = TestConfigs.python(TestConfigs.build(List.of(), List.of("true"), List.of(), List.of()),
                List.of("echo must-not-run"), List.of());
        var log = new RecordingLog();

        builder().build(plan(TestConfigs.HELLO_PYTHON, config, "d1"), log);

        assertThat(log.texts()).doesNotContain("must-not-run")
                .anySatisfy(text -> assertThat(text).startsWith("ignoring run.pre-run: runtime python3"));
    }

    @Test
    void buildEnvStaysOutOfTheImageWhileRunEnvPortAndLabelsAreSet() {
        var config = revised(TestConfigs.python(TestConfigs.build(List.of(),
                        List.of("test \"$MODE\" = only-while-building"), List.of(),
                        List.of(new EnvVar("MODE", "only-while-building"))),
                List.of("test \"$MODE\" = only-while-building"),
                List.of(new EnvVar("GREETING", "Hi \"there\" $USER \\o/"))));

        var result = builder().buildWithReport(plan(TestConfigs.HELLO_PYTHON, config, "d1"), new RecordingLog());

        var image = clients.control().inspectImageCmd(result.artifact().reference()).exec().getConfig();
        assertThat(image.getEnv()).noneMatch(variable -> variable.startsWith("MODE="))
                .contains("GREETING=Hi \"there\" $USER \\o/", "PORT=8080");
        assertThat(image.getLabels()).containsEntry(BuildLabels.MANAGED, "true")
                .containsEntry(BuildLabels.KIND, "final")
                .containsEntry(DockerImageBuilder.SERVICE_LABEL, service)
                .containsEntry(DockerImageBuilder.DEPLOYMENT_LABEL, "d1")
                .containsEntry(DockerImageBuilder.COMMIT_LABEL, COMMIT)
                .containsEntry(BuildLabels.BUILD_KEY, result.report().buildKey().orElseThrow());
        assertThat(image.getWorkingDir()).isEqualTo("/app");
        assertThat(image.getCmd()).containsExactly("sh", "-c", "python3 app.py");
        assertThat(image.getExposedPorts()).extracting(Object::toString).containsExactly("8080/tcp");
    }

    @Test
    void theRunNetworkEnvVariableAlsoCarriesThePort() {
        var artifact = builder().build(plan(TestConfigs.HELLO_PYTHON, TestConfigs.helloPython(), "d1"),
                new RecordingLog());

        assertThat(clients.control().inspectImageCmd(artifact.reference()).exec().getConfig().getEnv())
                .contains("PORT=8080", "APP_PORT=8080", "GREETING=Hello from Slipway");
    }

    @Test
    void theAppDirectoryHoldsTheSourceWithModesAndLinksAndWithoutGit(@TempDir Path source) throws Exception {
        Files.writeString(source.resolve("app.py"), "print('hi')\n");
        Files.writeString(source.resolve("run.sh"), "#!/bin/sh\necho run\n");
        Files.setPosixFilePermissions(source.resolve("run.sh"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.createSymbolicLink(source.resolve("start"), Path.of("run.sh"));
        Files.createDirectories(source.resolve(".git"));
        Files.writeString(source.resolve(".git/HEAD"), "ref: refs/heads/main\n");
        var check = "test -x run.sh && test -L start && ./start && test ! -e .git && test -f app.py";

        var artifact = builder().build(plan(source, TestConfigs.buildingWith(check), "d1"), new RecordingLog());

        assertThat(run(artifact.reference(), "sh", "-c", check).exitCode()).isZero();
    }

    @Test
    void aDockerfileProjectBuildsAsItIs(@TempDir Path source) throws Exception {
        Files.writeString(source.resolve("Dockerfile"), "FROM " + PYTHON_IMAGE + "\n"
                + "COPY serve.py /srv/serve.py\nRUN echo dockerfile-run-marker\nEXPOSE 9000 7000/udp\n"
                + "CMD [\"python3\", \"/srv/serve.py\"]\n");
        Files.writeString(source.resolve("serve.py"), "print('serving')\n");
        var plan = new BuildPlan(service, "d1", COMMIT, source, ProjectKind.DOCKERFILE, Optional.empty());
        var log = new RecordingLog();

        var result = builder().buildWithReport(plan, log);

        var artifact = result.artifact();
        assertThat(artifact.run().command()).isEmpty();
        assertThat(artifact.run().port()).isEqualTo(9000);
        assertThat(log.lines(Stream.STDOUT)).contains(new Line("build", "dockerfile-run-marker"));
        var image = clients.control().inspectImageCmd(artifact.reference()).exec().getConfig();
        assertThat(image.getCmd()).containsExactly("python3", "/srv/serve.py");
        assertThat(image.getLabels()).containsEntry(DockerImageBuilder.SERVICE_LABEL, service)
                .containsEntry(DockerImageBuilder.COMMIT_LABEL, COMMIT)
                .containsEntry(BuildLabels.MANAGED, "true")
                .containsEntry(BuildLabels.KIND, "final");
        assertThat(result.report().steps()).extracting(BuildReport.Step::stage)
                .containsExactly(BuildReport.Stage.DOCKERFILE);
    }

    @Test
    void aDockerfileTheDaemonCannotParseIsReportedInItsWords(@TempDir Path source) throws Exception {
        Files.writeString(source.resolve("Dockerfile"), "FROM " + PYTHON_IMAGE + "\nBREW coffee\n");
        var plan = new BuildPlan(service, "d1", COMMIT, source, ProjectKind.DOCKERFILE, Optional.empty());

        assertThatThrownBy(() -> builder().build(plan, new RecordingLog()))
                .isInstanceOf(BuildFailedException.class)
                .hasMessageContaining("unknown instruction: BREW")
                .hasMessageNotContaining("Status 400");
    }

    @Test
    void aMissingBaseImageNamesTheImagesTriedAndMakeRuntimes() {
        var catalog = RuntimeCatalog.defaults().withOverrides(Map.of("python3",
                "registry.invalid/slipway/missing:1, registry.invalid/slipway/also-missing:1"));
        var builder = new DockerImageBuilder(clients, catalog);

        assertThatThrownBy(() -> builder.build(plan(TestConfigs.HELLO_PYTHON, TestConfigs.helloPython(), "d1"),
                new RecordingLog()))
                .isInstanceOf(BuildFailedException.class)
                .hasMessageContaining("registry.invalid/slipway/missing:1, registry.invalid/slipway/also-missing:1")
                .hasMessageContaining("make runtimes")
                .hasMessageContaining("\n  registry.invalid/slipway/missing:1: ")
                .hasMessageContaining("\n  registry.invalid/slipway/also-missing:1: ")
                .hasMessageContaining("no such host");
    }

    static AppRunnerConfig revised(AppRunnerConfig config) {
        return new AppRunnerConfig(config.version(), "python311", config.build(), config.run());
    }

    private String tag(String deployment) {
        return DockerImageBuilder.imageTag(service, deployment);
    }
}
