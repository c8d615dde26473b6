package dev.slipway.build.image.docker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.build.RecordingLog;
import dev.slipway.config.AppRunnerConfig;
import dev.slipway.config.BuildSection;
import dev.slipway.config.NetworkSection;
import dev.slipway.config.RunSection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * App Runner's two build processes, reproduced: on the original build the app runs where it was
 * built, so a module the build installs outside /app is importable; on the revised build only
 * /app reaches the run image, so the same build breaks the app unless the module goes into /app
 * or the install is repeated in pre-run.
 */
class BuildProcessIT extends DockerBuildTestSupport {

    /** Installs a module into the interpreter's own site-packages directory, outside /app. */
    private static final String INSTALL_OUTSIDE_APP = "sh install.sh";
    private static final String INSTALL_INTO_APP = "echo 'VALUE = 42' > /app/surprise.py";
    private static final String RUN_COMMAND = "python3 -c 'import surprise; print(\"surprise\", surprise.VALUE)'";

    @TempDir
    Path source;

    @BeforeEach
    void writeInstallScript() throws Exception {
        Files.writeString(source.resolve("install.sh"), """
                site=$(python3 -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')
                mkdir -p "$site"
                echo 'VALUE = 42' > "$site/surprise.py"
                echo "installed into $site"
                """);
    }

    @Test
    void theOriginalBuildKeepsWhatTheBuildInstalledOutsideApp() {
        var log = new RecordingLog();
        var image = builder().build(plan(source, config("python3", INSTALL_OUTSIDE_APP, List.of()), "d1"), log)
                .reference();
        assertThat(log.texts()).anySatisfy(line -> assertThat(line).matches("installed into /usr/.*-packages"));

        var run = run(image);

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("surprise 42");
    }

    @Test
    void theRevisedBuildLeavesBehindWhatTheBuildInstalledOutsideApp() {
        var image = build(config("python311", INSTALL_OUTSIDE_APP, List.of()));

        var run = run(image);

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.output()).contains("ModuleNotFoundError: No module named 'surprise'");
    }

    @Test
    void theRevisedBuildKeepsWhatTheBuildInstalledIntoApp() {
        var image = build(config("python311", INSTALL_INTO_APP, List.of()));

        var run = run(image);

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("surprise 42");
    }

    @Test
    void theRevisedBuildWorksWhenPreRunRepeatsTheInstall() {
        var image = build(config("python311", INSTALL_OUTSIDE_APP, List.of(INSTALL_OUTSIDE_APP)));

        var run = run(image);

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("surprise 42");
        assertThat(run(image, "sh", "-c", "test -f /app/install.sh").exitCode())
                .as("/app came over from the build image").isZero();
    }

    private String build(AppRunnerConfig config) {
        return builder().build(plan(source, config, "d1"), new RecordingLog()).reference();
    }

    private static AppRunnerConfig config(String runtime, String build, List<String> preRun) {
        return new AppRunnerConfig("1.0", runtime, new BuildSection(List.of(), List.of(build), List.of(), List.of()),
                new RunSection(Optional.empty(), preRun, RUN_COMMAND, NetworkSection.defaults(), List.of(),
                        List.of()));
    }
}
