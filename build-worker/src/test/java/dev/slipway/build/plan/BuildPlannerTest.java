package dev.slipway.build.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.build.RecordingLog;
import dev.slipway.build.TestConfigs;
import dev.slipway.build.source.FetchedSource;
import dev.slipway.config.InvalidConfigException;
import dev.slipway.config.project.ProjectKind;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildPlannerTest {

    private static final String COMMIT = "0123456789abcdef0123456789abcdef01234567";

    private final BuildPlanner planner = new BuildPlanner();

    @Test
    void plansTheHelloPythonExampleFromItsApprunnerYaml() {
        var log = new RecordingLog();

        var plan = planner.plan("hello", "d1", new FetchedSource(COMMIT, TestConfigs.HELLO_PYTHON), "", log);

        assertThat(plan.kind()).isEqualTo(ProjectKind.APPRUNNER_YAML);
        assertThat(plan.service()).isEqualTo("hello");
        assertThat(plan.deploymentId()).isEqualTo("d1");
        assertThat(plan.commit()).isEqualTo(COMMIT);
        assertThat(plan.sourceDir()).isEqualTo(TestConfigs.HELLO_PYTHON);
        assertThat(plan.config()).hasValueSatisfying(config -> {
            assertThat(config.runtime()).isEqualTo("python3");
            assertThat(config.run().command()).isEqualTo("python3 app.py");
            assertThat(config.run().network().port()).isEqualTo(8080);
        });
        assertThat(log.lines()).anySatisfy(line -> assertThat(line.phase()).isEqualTo("plan"));
    }

    @Test
    void plansADockerfileProjectWithoutAConfig(@TempDir Path source) throws Exception {
        Files.writeString(source.resolve("Dockerfile"), "FROM scratch\n");

        var plan = planner.plan("web", "d2", new FetchedSource(COMMIT, source));

        assertThat(plan.kind()).isEqualTo(ProjectKind.DOCKERFILE);
        assertThat(plan.config()).isEmpty();
    }

    @Test
    void aConfigWithErrorsIsRejectedWithEveryProblem(@TempDir Path source) throws Exception {
        Files.writeString(source.resolve("apprunner.yaml"), "version: 1.0\nruntime: python3\n");

        assertThatThrownBy(() -> planner.plan("web", "d3", new FetchedSource(COMMIT, source), "services/web/",
                new RecordingLog()))
                .isInstanceOfSatisfying(InvalidConfigException.class, e -> {
                    assertThat(e.problems()).isNotEmpty();
                    assertThat(e.getMessage()).contains("services/web/apprunner.yaml");
                });
    }

    @Test
    void aDirectoryWithNothingBuildableIsRejected(@TempDir Path source) throws Exception {
        Files.writeString(source.resolve("README.md"), "nothing to build\n");

        assertThatThrownBy(() -> planner.plan("web", "d4", new FetchedSource(COMMIT, source)))
                .isInstanceOf(InvalidConfigException.class);
    }

    @Test
    void displayPathsEndWithASlashExceptForTheRoot() {
        assertThat(BuildPlanner.displayPath("")).isEmpty();
        assertThat(BuildPlanner.displayPath(null)).isEmpty();
        assertThat(BuildPlanner.displayPath("./")).isEmpty();
        assertThat(BuildPlanner.displayPath("services/api")).isEqualTo("services/api/");
        assertThat(BuildPlanner.displayPath("/services/api/")).isEqualTo("services/api/");
    }
}
