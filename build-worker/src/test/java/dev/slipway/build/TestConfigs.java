package dev.slipway.build;

import dev.slipway.config.AppRunnerConfig;
import dev.slipway.config.BuildSection;
import dev.slipway.config.EnvVar;
import dev.slipway.config.NetworkSection;
import dev.slipway.config.RunSection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Configs built as records, the way the parser will return them. */
public final class TestConfigs {

    /** The example app the quick start deploys. */
    public static final Path HELLO_PYTHON = Path.of("..", "examples", "hello-python").toAbsolutePath().normalize();

    private TestConfigs() {
    }

    /** The config in examples/hello-python/apprunner.yaml. */
    public static AppRunnerConfig helloPython() {
        if (!Files.isRegularFile(HELLO_PYTHON.resolve("app.py"))) {
            throw new IllegalStateException("the example app is missing: " + HELLO_PYTHON);
        }
        return new AppRunnerConfig("1.0", "python3",
                build(List.of(), List.of("python3 -m compileall -q ."), List.of(), List.of()),
                new RunSection(Optional.empty(), List.of(), "python3 app.py",
                        new NetworkSection(8080, Optional.of("APP_PORT")),
                        List.of(new EnvVar("GREETING", "Hello from Slipway")), List.of()));
    }

    public static BuildSection build(List<String> preBuild, List<String> build, List<String> postBuild,
            List<EnvVar> env) {
        return new BuildSection(preBuild, build, postBuild, env);
    }

    /** A python3 config with the given commands, running {@code python3 app.py} on port 8080. */
    public static AppRunnerConfig python(BuildSection build, List<String> preRun, List<EnvVar> runEnv) {
        return new AppRunnerConfig("1.0", "python3", build,
                new RunSection(Optional.empty(), preRun, "python3 app.py", NetworkSection.defaults(), runEnv,
                        List.of()));
    }

    /** A python3 config whose only build command is {@code command}. */
    public static AppRunnerConfig buildingWith(String command) {
        return python(build(List.of(), List.of(command), List.of(), List.of()), List.of(), List.of());
    }
}
