package dev.slipway.config.project;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.config.AppRunnerConfig;
import dev.slipway.config.BuildSection;
import dev.slipway.config.ConfigProblem;
import dev.slipway.config.NetworkSection;
import dev.slipway.config.RunSection;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectDetectorTest {

    private static final String APPRUNNER_YAML = """
            version: 1.0
            runtime: python3
            build:
              commands:
                build: [pip install -r requirements.txt]
            run:
              command: python3 app.py
            """;
    private static final String MAKEFILE = """
            .PHONY: install run
            install:
            \tpip install -r requirements.txt
            run: install
            \tpython3 app.py
            """;

    @Test
    void prefersApprunnerYamlOverDockerfileAndMakefile() {
        var project = detect(Map.of("apprunner.yaml", APPRUNNER_YAML, "Dockerfile", "FROM scratch",
                "Makefile", MAKEFILE, "requirements.txt", ""));

        assertThat(project.kind()).contains(ProjectKind.APPRUNNER_YAML);
        assertThat(project.reason()).isEqualTo("apprunner.yaml found");
        assertThat(project.config().orElseThrow().run().command()).isEqualTo("python3 app.py");
        assertThat(project.problems()).isEmpty();
    }

    @Test
    void carriesTheProblemsOfAnApprunnerYamlAndNoConfigWhenThereAreErrors() {
        var project = ProjectDetector.detect(files(Map.of("apprunner.yaml", "version: 1.0\nruntime: python3\n")),
                "services/api/");

        assertThat(project.kind()).contains(ProjectKind.APPRUNNER_YAML);
        assertThat(project.config()).isEmpty();
        assertThat(project.hasErrors()).isTrue();
        assertThat(project.problems()).map(ConfigProblem::format).containsExactly(
                "services/api/apprunner.yaml:1:1: error: build: required key is missing; add e.g. build: "
                        + "{commands: {build: [pip install -r requirements.txt]}}",
                "services/api/apprunner.yaml:1:1: error: run: required key is missing; add e.g. run: {command: "
                        + "python3 app.py}");
    }

    @Test
    void keepsTheConfigOfAnApprunnerYamlWithWarningsOnly() {
        var project = detect(Map.of("apprunner.yaml", APPRUNNER_YAML + "scaling: {max: 2}\n"));

        assertThat(project.config()).isPresent();
        assertThat(project.problems()).hasSize(1);
    }

    @Test
    void detectsADockerfileProjectWithoutConfig() {
        var project = detect(Map.of("Dockerfile", "FROM python:3.12-slim", "Makefile", MAKEFILE));

        assertThat(project.kind()).contains(ProjectKind.DOCKERFILE);
        assertThat(project.reason()).isEqualTo("Dockerfile found (no apprunner.yaml)");
        assertThat(project.config()).isEmpty();
        assertThat(project.problems()).isEmpty();
    }

    @Test
    void synthesizesAConfigForAMakefileProject() {
        var project = detect(Map.of("Makefile", MAKEFILE, "requirements.txt", "flask"));

        assertThat(project.kind()).contains(ProjectKind.MAKEFILE);
        assertThat(project.problems()).isEmpty();
        assertThat(project.reason()).isEqualTo("Makefile found (no apprunner.yaml or Dockerfile); runtime python3 "
                + "from requirements.txt; build: make install; start: make run");
        assertThat(project.config()).contains(new AppRunnerConfig("1.0", "python3",
                new BuildSection(List.of(), List.of("make install"), List.of(), List.of()),
                new RunSection(Optional.empty(), List.of(), "make run", NetworkSection.defaults(), List.of(),
                        List.of())));
    }

    @Test
    void usesMakeBuildAndMakeStartWhenThereIsNoInstallOrRunTarget() {
        var config = detect(Map.of("Makefile", "build:\n\tnpm ci\nstart:\n\tnode server.js\n",
                "package.json", "{}")).config().orElseThrow();

        assertThat(config.runtime()).isEqualTo("nodejs18");
        assertThat(config.build().build()).containsExactly("make build");
        assertThat(config.run().command()).isEqualTo("make start");
    }

    @Test
    void buildsNothingWhenTheMakefileHasNoBuildTarget() {
        var config = detect(Map.of("Makefile", "run:\n\tjava -jar app.jar\n", "pom.xml", "<project/>"))
                .config().orElseThrow();

        assertThat(config.runtime()).isEqualTo("corretto11");
        assertThat(config.build().build()).isEmpty();
        assertThat(config.run().command()).isEqualTo("make run");
    }

    @Test
    void reportsAMakefileWithoutRunOrStartTarget() {
        var project = detect(Map.of("Makefile", "build:\n\tgo build\n", "pyproject.toml", ""));

        assertThat(project.kind()).contains(ProjectKind.MAKEFILE);
        assertThat(project.config()).isEmpty();
        assertThat(formatted(project)).containsExactly("Makefile: error: no run or start target to start the app; add "
                + "a run target, or an apprunner.yaml with run.command");
    }

    @Test
    void reportsAMakefileProjectWithoutRuntimeMarker() {
        assertThat(formatted(detect(Map.of("Makefile", MAKEFILE)))).containsExactly("Makefile: error: cannot tell the "
                + "runtime: none of requirements.txt, pyproject.toml, package.json, pom.xml is present; add the one "
                + "your app uses, or an apprunner.yaml that names the runtime");
    }

    @Test
    void reportsAnAmbiguousMakefileProject() {
        var project = detect(Map.of("Makefile", MAKEFILE, "requirements.txt", "", "pyproject.toml", "",
                "package.json", "{}"));

        assertThat(project.config()).isEmpty();
        assertThat(formatted(project)).containsExactly("Makefile: error: several runtimes fit: python3 "
                + "(requirements.txt, pyproject.toml), nodejs18 (package.json); add an apprunner.yaml that names the "
                + "runtime");
    }

    @Test
    void takesTheStartCommandFromAProcfileAndInstallsByLanguage() {
        var project = detect(Map.of("Procfile", "# processes\nweb: gunicorn app:app --bind 0.0.0.0:$PORT\n",
                "requirements.txt", "flask", "pyproject.toml", ""));

        assertThat(project.kind()).contains(ProjectKind.PROCFILE);
        assertThat(project.problems()).isEmpty();
        assertThat(project.reason()).isEqualTo("Procfile found (no apprunner.yaml or Dockerfile); runtime python3 from "
                + "requirements.txt, pyproject.toml; build: pip install -r requirements.txt; start: web in Procfile");
        assertThat(project.config()).contains(new AppRunnerConfig("1.0", "python3",
                new BuildSection(List.of(), List.of("pip install -r requirements.txt"), List.of(), List.of()),
                new RunSection(Optional.empty(), List.of(), "gunicorn app:app --bind 0.0.0.0:$PORT",
                        NetworkSection.defaults(), List.of(), List.of())));
    }

    @Test
    void prefersTheProcfileWebCommandToTheMakefileStartTarget() {
        var project = detect(Map.of("Makefile", MAKEFILE, "Procfile", "web: node server.js\n",
                "package.json", "{}"));

        assertThat(project.kind()).contains(ProjectKind.MAKEFILE);
        assertThat(project.reason()).isEqualTo("Makefile and Procfile found (no apprunner.yaml or Dockerfile); "
                + "runtime nodejs18 from package.json; build: make install; start: web in Procfile");
        var config = project.config().orElseThrow();
        assertThat(config.build().build()).containsExactly("make install");
        assertThat(config.run().command()).isEqualTo("node server.js");
    }

    @Test
    void usesTheMakefileStartTargetWhenTheProcfileHasNoWebLine() {
        var project = detect(Map.of("Makefile", MAKEFILE, "Procfile", "worker: python3 worker.py\n",
                "requirements.txt", ""));

        assertThat(project.config().orElseThrow().run().command()).isEqualTo("make run");
        assertThat(formatted(project)).containsExactly("Procfile:1:1: warning: Slipway starts only the web process, "
                + "not worker; deploy it as a service of its own or remove the line");
    }

    @Test
    void reportsAProcfileWithoutAWebLineOrWithAnEmptyOne() {
        assertThat(formatted(detect(Map.of("Procfile", "release: ./migrate\n", "package.json", "{}"))))
                .containsExactly(
                        "Procfile:1:1: warning: Slipway starts only the web process, not release; deploy it as a "
                                + "service of its own or remove the line",
                        "Procfile: error: no web process to start the app; add a line such as web: gunicorn app:app");
        assertThat(formatted(detect(Map.of("Procfile", "\nweb:\n", "pom.xml", "<project/>")))).containsExactly(
                "Procfile:2:1: error: the web command is empty; write e.g. web: gunicorn app:app");
    }

    @Test
    void reportsAnAmbiguousProcfileProjectListingTheChoices() {
        var project = detect(Map.of("Procfile", "web: ./start\n", "package.json", "{}", "pom.xml", "<project/>"));

        assertThat(project.config()).isEmpty();
        assertThat(formatted(project)).containsExactly("Procfile: error: several runtimes fit: nodejs18 "
                + "(package.json), corretto11 (pom.xml); add an apprunner.yaml that names the runtime");
    }

    @Test
    void reportsNothingBuildableInTheRepositoryRoot() {
        var project = detect(Map.of("README.md", "hello"));

        assertThat(project.kind()).isEmpty();
        assertThat(project.config()).isEmpty();
        assertThat(formatted(project)).containsExactly("error: no apprunner.yaml, Dockerfile or Makefile in the "
                + "repository root, and no Procfile; add an apprunner.yaml (see docs/apprunner-yaml.md)");
    }

    @Test
    void namesTheSubdirectoryWhenNothingBuildableIsThere() {
        var project = ProjectDetector.detect(files(Map.of()), "services/api/");

        assertThat(formatted(project)).containsExactly("services/api/: error: no apprunner.yaml, Dockerfile or "
                + "Makefile in services/api/, and no Procfile; add an apprunner.yaml (see docs/apprunner-yaml.md)");
    }

    @Test
    void warnsThatAnApprunnerYmlIsNotRead() {
        var project = detect(Map.of("apprunner.yml", APPRUNNER_YAML, "Dockerfile", "FROM scratch"));

        assertThat(project.kind()).contains(ProjectKind.DOCKERFILE);
        assertThat(formatted(project)).containsExactly("apprunner.yml: warning: App Runner and Slipway read only "
                + "apprunner.yaml; rename this file to apprunner.yaml");
    }

    @Test
    void detectsFromADirectoryOnDisk(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("apprunner.yaml"), APPRUNNER_YAML);
        Files.createDirectory(dir.resolve("Dockerfile"));

        var project = ProjectDetector.detect(ProjectFiles.of(dir), "");

        assertThat(project.kind()).contains(ProjectKind.APPRUNNER_YAML);
        assertThat(ProjectFiles.of(dir).exists("Dockerfile")).isFalse();
    }

    private static DetectedProject detect(Map<String, String> files) {
        return ProjectDetector.detect(files(files), "");
    }

    private static ProjectFiles files(Map<String, String> files) {
        return path -> Optional.ofNullable(files.get(path));
    }

    private static List<String> formatted(DetectedProject project) {
        return project.problems().stream().map(ConfigProblem::format).toList();
    }
}
