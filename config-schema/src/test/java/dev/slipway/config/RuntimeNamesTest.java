package dev.slipway.config;

import static dev.slipway.config.ParserProblemsTest.parse;
import static dev.slipway.config.ParserProblemsTest.problems;
import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.config.runtime.ManagedRuntime;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How the {@code runtime} and {@code run.runtime-version} values are read, and the warnings about them. */
class RuntimeNamesTest {

    @Test
    void acceptsEveryRuntimeNameAndApiFormWithoutAProblemForAppRunnersRuntimes() {
        for (var runtime : ManagedRuntime.values()) {
            for (var name : new String[] {runtime.fileName(), runtime.apiName()}) {
                var result = parse(withRuntime(name));
                assertThat(result.config()).as(name).isPresent();
                assertThat(result.config().orElseThrow().runtime()).isEqualTo(runtime.fileName());
                assertThat(result.problems()).as(name).hasSize(runtime.appRunnerRuntime() ? 0 : 1);
            }
        }
    }

    @Test
    void readsCommonMisspellingsAsTheRuntimeTheyMeanWithAWarning() {
        var expected = Map.ofEntries(
                Map.entry("python3.11", "python311"),
                Map.entry("Python311", "python311"),
                Map.entry("python 3.11", "python311"),
                Map.entry("python", "python311"),
                Map.entry("Nodejs12", "nodejs12"),
                Map.entry("Nodejs 12", "nodejs12"),
                Map.entry("node18", "nodejs18"),
                Map.entry("node.js", "nodejs22"),
                Map.entry("java", "corretto11"),
                Map.entry("java11", "corretto11"),
                Map.entry("openjdk8", "corretto8"),
                Map.entry("go", "go1"),
                Map.entry("golang1.22", "go1"),
                Map.entry("ruby 3.1", "ruby31"),
                Map.entry("php8.1", "php81"),
                Map.entry(".NET 6", "dotnet6"),
                Map.entry("pyTHON_3", "python3"));
        expected.forEach((written, canonical) -> {
            var result = parse(withRuntime("\"" + written + "\""));
            assertThat(result.config().orElseThrow().runtime()).as(written).isEqualTo(canonical);
            assertThat(result.warnings()).as(written).first().satisfies(p -> assertThat(p.format()).isEqualTo(
                    "apprunner.yaml:2:10: warning: runtime: \"" + written + "\" is not a runtime name; Slipway reads "
                            + "it as " + canonical + ", write runtime: " + canonical));
        });
    }

    @Test
    void letsTheRuntimeVersionChooseWhenOnlyTheLanguageIsNamed() {
        var result = parse(withRuntime("java") + "  runtime-version: 21\n");

        assertThat(result.config().orElseThrow().runtime()).isEqualTo("corretto21");
        assertThat(result.problems()).map(ConfigProblem::format).containsExactly(
                "apprunner.yaml:2:10: warning: runtime: \"java\" is not a runtime name; Slipway reads it as "
                        + "corretto21, write runtime: corretto21",
                "apprunner.yaml:2:10: warning: runtime: corretto21 is a Slipway runtime that App Runner does not "
                        + "offer; keep it to run on Slipway only, or use corretto11 to stay compatible with App Runner");
    }

    @Test
    void warnsThatSlipwaysRuntimesAreNotAppRunners() {
        assertThat(problems(withRuntime("python313"))).containsExactly("apprunner.yaml:2:10: warning: runtime: "
                + "python313 is a Slipway runtime that App Runner does not offer; keep it to run on Slipway only, or "
                + "use python311 to stay compatible with App Runner");
    }

    @Test
    void readsARuntimeVersionWithALanguageNameInFrontAsTheNumber() {
        var result = parse(withRuntime("go1") + "  runtime-version: go1.21.0\n");

        assertThat(result.config().orElseThrow().run().runtimeVersion()).contains("1.21.0");
        assertThat(result.problems()).map(ConfigProblem::format).containsExactly("apprunner.yaml:9:20: warning: "
                + "run.runtime-version: \"go1.21.0\" is not a version number; Slipway reads it as 1.21.0, write "
                + "runtime-version: 1.21.0");
    }

    @Test
    void warnsAboutARuntimeVersionOfAnotherRuntime() {
        assertThat(problems(withRuntime("python313") + "  runtime-version: 3.11\n")).endsWith("apprunner.yaml:9:20: "
                + "warning: run.runtime-version: \"3.11\" is not a version of python313 (Python 3.13), so Slipway "
                + "ignores it; use runtime: python311 for this version, or remove it");
        assertThat(problems(withRuntime("python3") + "  runtime-version: 3.9.1\n")).containsExactly(
                "apprunner.yaml:9:20: warning: run.runtime-version: \"3.9.1\" is not a version of python3 (Python 3.7 "
                        + "or 3.8), so Slipway ignores it; remove it or give a version of Python 3.7 or 3.8");
    }

    @Test
    void warnsAboutPreRunOnARuntimeWithTheOriginalBuild() {
        assertThat(problems(withRuntime("python3") + "  pre-run:\n    - pip install -r requirements.txt\n"))
                .containsExactly("apprunner.yaml:9:3: warning: run.pre-run: python3 uses the original build, where "
                        + "App Runner has no pre-run step; move the commands to build.commands.build, or use a "
                        + "runtime with the revised build such as python311");
        assertThat(problems(withRuntime("go1") + "  pre-run: [./setup.sh]\n")).containsExactly("apprunner.yaml:9:3: "
                + "warning: run.pre-run: go1 uses the original build, where App Runner has no pre-run step; move the "
                + "commands to build.commands.build");
        assertThat(problems(withRuntime("python311") + "  pre-run: [pip install .]\n")).isEmpty();
        assertThat(problems(withRuntime("python3") + "  pre-run: []\n")).isEmpty();
    }

    private static String withRuntime(String runtime) {
        return AppRunnerYamlParserTest.minimal().replace("runtime: python3\n", "runtime: " + runtime + "\n");
    }
}
