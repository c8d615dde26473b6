package dev.slipway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which variables reach the build commands and pre-run, and which reach the running app. */
class EnvironmentTest {

    private static final AppRunnerConfig CONFIG = ParserProblemsTest.parse("""
            version: 1.0
            runtime: python311
            build:
              commands:
                build: [pip install -r requirements.txt]
              env:
                - {name: PIP_INDEX_URL, value: "https://pypi.example/simple"}
                - {name: MODE, value: debug}
                - {name: MODE, value: release}
            run:
              command: python3 app.py
              network: {port: 9000, env: APP_PORT}
              env:
                - {name: PORT, value: "1"}
                - {name: GREETING, value: hi}
                - {name: APP_PORT, value: "2"}
              secrets:
                - {name: DB_PASSWORD, value-from: db-password}
            """).config().orElseThrow();

    @Test
    void buildCommandsAndPreRunSeeOnlyBuildEnvWithTheLastValueWinning() {
        assertThat(CONFIG.buildEnvironment()).containsExactly(
                entry("PIP_INDEX_URL", "https://pypi.example/simple"), entry("MODE", "release"));
    }

    @Test
    void theAppSeesRunEnvAndThePortVariablesButNeverBuildEnv() {
        assertThat(CONFIG.runEnvironment()).containsExactly(
                entry("GREETING", "hi"), entry("PORT", "9000"), entry("APP_PORT", "9000"));
    }

    @Test
    void resolvedSecretsReachOnlyTheApp() {
        var env = CONFIG.run().environment(Map.of("DB_PASSWORD", "s3cret", "NOT_DECLARED", "x"));

        assertThat(env).containsExactly(entry("GREETING", "hi"), entry("DB_PASSWORD", "s3cret"),
                entry("PORT", "9000"), entry("APP_PORT", "9000"));
        assertThat(CONFIG.buildEnvironment()).doesNotContainKey("DB_PASSWORD");
    }

    @Test
    void portIsAlwaysSetEvenWithoutANetworkSection() {
        var run = new RunSection(Optional.empty(), List.of(), "python3 app.py", NetworkSection.defaults(), List.of(),
                List.of());

        assertThat(run.environment()).containsExactly(entry("PORT", "8080"));
    }
}
