package dev.slipway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AppRunnerYamlParserTest {

    private static final Path HELLO_PYTHON = Path.of("..", "examples", "hello-python", "apprunner.yaml");

    @Test
    void parsesTheHelloPythonExampleToTheExpectedRecord() throws IOException {
        assumeTrue(Files.exists(HELLO_PYTHON), "example not found at " + HELLO_PYTHON.toAbsolutePath());

        var result = AppRunnerYamlParser.parse("apprunner.yaml", Files.readString(HELLO_PYTHON));

        assertThat(result.problems()).isEmpty();
        assertThat(result.config()).contains(new AppRunnerConfig("1.0", "python3",
                new BuildSection(List.of(), List.of("python3 -m compileall -q ."), List.of(), List.of()),
                new RunSection(Optional.empty(), List.of(), "python3 app.py",
                        new NetworkSection(8080, Optional.of("APP_PORT")),
                        List.of(new EnvVar("GREETING", "Hello from Slipway")), List.of())));
    }

    @Test
    void readsEveryDocumentedKey() {
        var config = parseValid("""
                version: 1.0
                runtime: python311
                build:
                  commands:
                    pre-build:
                      - yum install -y gcc
                    build:
                      - pip3 install -r requirements.txt
                      - python3 -m compileall .
                    post-build:
                      - pytest
                  env:
                    - name: PIP_INDEX_URL
                      value: https://pypi.example.org/simple
                run:
                  runtime-version: 3.11.7
                  pre-run:
                    - pip3 install -r requirements.txt
                  command: python3 app.py
                  network:
                    port: 8501
                    env: APP_PORT
                  env:
                    - name: MODEL_DIR
                      value: /app/models
                  secrets:
                    - name: DB_PASSWORD
                      value-from: "arn:aws:secretsmanager:us-east-1:123456789012:secret:db:password::"
                """);

        assertThat(config).isEqualTo(new AppRunnerConfig("1.0", "python311",
                new BuildSection(List.of("yum install -y gcc"),
                        List.of("pip3 install -r requirements.txt", "python3 -m compileall ."),
                        List.of("pytest"),
                        List.of(new EnvVar("PIP_INDEX_URL", "https://pypi.example.org/simple"))),
                new RunSection(Optional.of("3.11.7"), List.of("pip3 install -r requirements.txt"), "python3 app.py",
                        new NetworkSection(8501, Optional.of("APP_PORT")),
                        List.of(new EnvVar("MODEL_DIR", "/app/models")),
                        List.of(new SecretRef("DB_PASSWORD",
                                "arn:aws:secretsmanager:us-east-1:123456789012:secret:db:password::")))));
    }

    @Test
    void keepsRuntimeVersionAsWritten() {
        assertThat(runtimeVersionOf("nodejs16", "16.10")).contains("16.10");
        assertThat(runtimeVersionOf("python3", "3")).contains("3");
        assertThat(runtimeVersionOf("corretto11", "\"11.0.13.08.1\"")).contains("11.0.13.08.1");
    }

    @Test
    void acceptsNumbersAndBooleansWhereStringsAreExpected() {
        var config = parseValid("""
                version: "1.0"
                runtime: nodejs16
                build:
                  commands:
                    build:
                      - npm ci
                      - 42
                run:
                  command: true
                  env:
                    - name: TTL
                      value: 3600
                    - name: DEBUG
                      value: yes
                    - name: RATIO
                      value: 0.50
                """);

        assertThat(config.build().build()).containsExactly("npm ci", "42");
        assertThat(config.run().command()).isEqualTo("true");
        assertThat(config.run().env()).containsExactly(
                new EnvVar("TTL", "3600"), new EnvVar("DEBUG", "yes"), new EnvVar("RATIO", "0.50"));
    }

    @Test
    void acceptsVersionOneHoweverItIsWritten() {
        for (var version : List.of("1.0", "1", "\"1.0\"", "1.00")) {
            var result = AppRunnerYamlParser.parse("apprunner.yaml", minimal().replace("version: 1.0", "version: " + version));
            assertThat(result.problems()).as(version).isEmpty();
            assertThat(result.config().orElseThrow().version()).isEqualTo(version.replace("\"", ""));
        }
    }

    @Test
    void acceptsThePortAsAnIntegerOrAStringOfDigits() {
        assertThat(portOf("port: 5000")).isEqualTo(5000);
        assertThat(portOf("port: \"5000\"")).isEqualTo(5000);
        assertThat(portOf("port: 65535")).isEqualTo(65535);
    }

    @Test
    void usesTheDefaultNetworkWhenItIsAbsentOrEmpty() {
        assertThat(parseValid(minimal()).run().network()).isEqualTo(NetworkSection.defaults());
        assertThat(parseValid(minimal() + "  network:\n").run().network()).isEqualTo(NetworkSection.defaults());
        assertThat(parseValid(minimal() + "  network:\n    env: APP_PORT\n").run().network())
                .isEqualTo(new NetworkSection(NetworkSection.DEFAULT_PORT, Optional.of("APP_PORT")));
    }

    @Test
    void acceptsASingleStringWhereACommandListIsExpectedWithAWarning() {
        var result = AppRunnerYamlParser.parse("apprunner.yaml", """
                version: 1.0
                runtime: python3
                build:
                  commands:
                    build: pip install -r requirements.txt
                run:
                  command: python3 app.py
                """);

        assertThat(result.config().orElseThrow().build().build()).containsExactly("pip install -r requirements.txt");
        assertThat(result.problems()).map(ConfigProblem::format).containsExactly(
                "apprunner.yaml:5:12: warning: build.commands.build: expected a list of commands, found a single "
                        + "string; it runs as one command, but write it as a list item starting with \"- \"");
    }

    @Test
    void dropsTheFinalLineBreakOfBlockScalarCommands() {
        var config = parseValid("""
                version: 1.0
                runtime: python3
                build:
                  commands:
                    build:
                      - |
                        pip install -r requirements.txt
                run:
                  command: >
                    gunicorn app:app
                    --bind 0.0.0.0:8080
                """);

        assertThat(config.build().build()).containsExactly("pip install -r requirements.txt");
        assertThat(config.run().command()).isEqualTo("gunicorn app:app --bind 0.0.0.0:8080");
    }

    @Test
    void appliesMergeKeysWithWrittenKeysWinning() {
        var config = parseValid("""
                version: 1.0
                runtime: python3
                x-defaults: &defaults
                  command: python3 app.py
                  network: {port: 9000}
                build:
                  commands: {build: [pip install .]}
                run:
                  <<: *defaults
                  network: {port: 9100}
                """, 1);

        assertThat(config.run().command()).isEqualTo("python3 app.py");
        assertThat(config.run().network().port()).isEqualTo(9100);
    }

    @Test
    void readsCrlfLineEndingsAndAByteOrderMark() {
        var config = parseValid("\uFEFF" + minimal().replace("\n", "\r\n"));

        assertThat(config.runtime()).isEqualTo("python3");
        assertThat(config.run().command()).isEqualTo("python3 app.py");
    }

    @Test
    void parseOrThrowCarriesEveryProblem() {
        assertThatThrownBy(() -> AppRunnerYamlParser.parseOrThrow("apprunner.yaml", "version: 1.0\n"))
                .isInstanceOf(InvalidConfigException.class)
                .satisfies(e -> assertThat(((InvalidConfigException) e).problems()).hasSize(3))
                .hasMessageContaining("apprunner.yaml:1:1: error: runtime: required key is missing");
        assertThat(AppRunnerYamlParser.parseOrThrow("apprunner.yaml", minimal()).runtime()).isEqualTo("python3");
    }

    static String minimal() {
        return """
                version: 1.0
                runtime: python3
                build:
                  commands:
                    build:
                      - pip install -r requirements.txt
                run:
                  command: python3 app.py
                """;
    }

    private static AppRunnerConfig parseValid(String yaml) {
        return parseValid(yaml, 0);
    }

    private static AppRunnerConfig parseValid(String yaml, int expectedWarnings) {
        var result = AppRunnerYamlParser.parse("apprunner.yaml", yaml);
        assertThat(result.errors()).isEmpty();
        assertThat(result.warnings()).hasSize(expectedWarnings);
        return result.config().orElseThrow();
    }

    private static Optional<String> runtimeVersionOf(String runtime, String version) {
        return parseValid(minimal().replace("runtime: python3", "runtime: " + runtime) + "  runtime-version: "
                + version + "\n").run().runtimeVersion();
    }

    private static int portOf(String port) {
        return parseValid(minimal() + "  network:\n    " + port + "\n").run().network().port();
    }
}
