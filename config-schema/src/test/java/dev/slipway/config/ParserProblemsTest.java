package dev.slipway.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Golden texts of the parser's errors and warnings, with their positions. */
class ParserProblemsTest {

    @Test
    void reportsEveryProblemWithLineNumbers() {
        assertThat(problems("""
                version: 1.10
                runtime: python3.11
                build:
                  commands:
                    prebuild:
                      - yum install -y gcc
                run:
                  port: 8000
                  environment:
                    - name: A
                      value: b
                  env:
                    - name: 1BAD
                      value: x
                    - name: DB_PASSWORD
                      value-from: db-password
                  network:
                    port: 80a
                health_check:
                  path: /health
                """)).containsExactly(
                "apprunner.yaml:1:10: warning: version: \"1.10\" is not a known version; Slipway reads the file as "
                        + "version 1.0, write version: 1.0",
                "apprunner.yaml:2:10: warning: runtime: \"python3.11\" is not a runtime name; Slipway reads it as "
                        + "python311, write runtime: python311",
                "apprunner.yaml:4:3: error: build.commands.build: required key is missing; add it under "
                        + "build.commands, e.g. build: [pip install -r requirements.txt]",
                "apprunner.yaml:5:5: warning: build.commands.prebuild: unknown key; did you mean "
                        + "build.commands.pre-build?",
                "apprunner.yaml:7:1: error: run.command: required key is missing; add it under run, e.g. command: "
                        + "python3 app.py",
                "apprunner.yaml:8:3: warning: run.port: unknown key; did you mean run.network.port?",
                "apprunner.yaml:9:3: warning: run.environment: unknown key; did you mean run.env?",
                "apprunner.yaml:13:13: error: run.env[0].name: \"1BAD\" is not a valid variable name; use letters, "
                        + "digits and underscores, not starting with a digit, e.g. name: LOG_LEVEL",
                "apprunner.yaml:16:7: warning: run.env[1].value-from: unknown key; did you mean run.secrets? An "
                        + "entry with value-from belongs there; this entry is ignored",
                "apprunner.yaml:18:11: error: run.network.port: \"80a\" is not a port number; use an integer from 1 "
                        + "to 65535, e.g. port: 8080",
                "apprunner.yaml:19:1: warning: health_check: App Runner ignores this key; did you mean "
                        + "slipway.health-check?");
    }

    @Test
    void rejectsAPortThatIsNotANumber() {
        assertThat(problems("""
                version: 1.0
                runtime: python3
                build:
                  commands: {build: [pip install -r requirements.txt]}
                run:
                  network:
                    port: 80a
                  command: python3 app.py
                """)).containsExactly("apprunner.yaml:7:11: error: run.network.port: \"80a\" is not a port number; "
                + "use an integer from 1 to 65535, e.g. port: 8080");
    }

    @Test
    void rejectsPortsOutOfRange() {
        for (var port : List.of("0", "70000", "-1", "8080.5", "true", "\"\"")) {
            var result = parse(AppRunnerYamlParserTest.minimal() + "  network:\n    port: " + port + "\n");
            assertThat(result.errors()).as(port).singleElement()
                    .satisfies(p -> assertThat(p.message()).endsWith(
                            "is not a port number; use an integer from 1 to 65535, e.g. port: 8080"));
        }
    }

    @Test
    void reportsMissingRequiredKeysAtTheTop() {
        assertThat(problems("version: 1.0\n")).containsExactly(
                "apprunner.yaml:1:1: error: runtime: required key is missing; add e.g. runtime: python3",
                "apprunner.yaml:1:1: error: build: required key is missing; add e.g. build: {commands: {build: "
                        + "[pip install -r requirements.txt]}}",
                "apprunner.yaml:1:1: error: run: required key is missing; add e.g. run: {command: python3 app.py}");
    }

    @Test
    void suggestsCommandsForTheFilesRuntime() {
        assertThat(problems("""
                version: 1.0
                runtime: go1
                build:
                  commands:
                    build: []
                run:
                  command: ""
                """)).containsExactly(
                "apprunner.yaml:5:5: warning: build.commands.build: no commands given; add at least one, e.g. - go "
                        + "build -o app .",
                "apprunner.yaml:7:12: error: run.command: the command is empty; write e.g. command: ./app");
    }

    @Test
    void reportsKeysWithoutValues() {
        assertThat(problems("""
                version:
                runtime:
                build:
                run:
                  command:
                  network:
                    port:
                    env:
                  runtime-version:
                """)).containsExactly(
                "apprunner.yaml:1:1: error: version: required value is missing; write e.g. version: 1.0",
                "apprunner.yaml:2:1: error: runtime: required value is missing; write e.g. runtime: python3",
                "apprunner.yaml:3:1: error: build.commands: required key is missing; add it under build, e.g. "
                        + "commands: {build: [pip install -r requirements.txt]}",
                "apprunner.yaml:5:3: error: run.command: required value is missing; write e.g. command: python3 "
                        + "app.py",
                "apprunner.yaml:7:5: warning: run.network.port: has no value and is ignored; give it a value or "
                        + "remove the key",
                "apprunner.yaml:8:5: warning: run.network.env: has no value and is ignored; give it a value or "
                        + "remove the key",
                "apprunner.yaml:9:3: warning: run.runtime-version: has no value and is ignored; give it a value or "
                        + "remove the key");
    }

    @Test
    void reportsValuesOfTheWrongType() {
        assertThat(problems("""
                version: [1]
                runtime: {name: python3}
                build:
                  commands:
                    build:
                      - {echo a: b}
                      - [x]
                      -
                    post-build: {a: b}
                  env: {A: b}
                run:
                  command: [npm ci, npm start]
                  runtime-version: {x: 1}
                  network:
                    env: 8000
                  env:
                    - A=b
                    - name: A
                      value: [x]
                    - value: d
                """)).containsExactly(
                "apprunner.yaml:1:10: error: version: expected a version number, found a list; write e.g. version: "
                        + "1.0",
                "apprunner.yaml:2:10: error: runtime: expected a runtime name, found a map; write e.g. runtime: "
                        + "python3",
                "apprunner.yaml:6:9: error: build.commands.build[0]: expected a command, found a map; quote a "
                        + "command that contains \": \", e.g. - \"echo a: b\"",
                "apprunner.yaml:7:9: error: build.commands.build[1]: expected a command, found a list; write e.g. - "
                        + "pip install -r requirements.txt",
                "apprunner.yaml:8:8: warning: build.commands.build[2]: expected a command, found no value; write "
                        + "e.g. - pip install -r requirements.txt",
                "apprunner.yaml:9:17: error: build.commands.post-build: expected a list of commands, found a map; "
                        + "write e.g. - pip install -r requirements.txt",
                "apprunner.yaml:10:8: error: build.env: expected a list of entries, found a map; write each as a "
                        + "list item, e.g. - {name: LOG_LEVEL, value: info}",
                "apprunner.yaml:12:12: error: run.command: expected one command, found a list; join the commands "
                        + "with &&, e.g. command: pip install -r requirements.txt && python3 app.py, or move setup "
                        + "steps to build",
                "apprunner.yaml:13:20: error: run.runtime-version: expected a version number, found a map; write "
                        + "e.g. runtime-version: 3.11",
                "apprunner.yaml:15:10: error: run.network.env: \"8000\" is not a valid variable name; use letters, "
                        + "digits and underscores, not starting with a digit, e.g. env: APP_PORT",
                "apprunner.yaml:17:7: error: run.env[0]: expected an entry, found a string; write e.g. - {name: "
                        + "LOG_LEVEL, value: info}",
                "apprunner.yaml:19:14: error: run.env[1].value: expected a string, found a list; write e.g. value: "
                        + "info",
                "apprunner.yaml:20:7: error: run.env[2].name: required key is missing; add e.g. name: LOG_LEVEL");
    }

    @Test
    void rejectsBuildCommandsWrittenAsAListInsteadOfPhases() {
        assertThat(problems("""
                version: 1.0
                runtime: nodejs18
                build:
                  commands:
                    - npm ci
                run:
                  command: npm start
                """)).containsExactly("apprunner.yaml:5:5: error: build.commands: expected a map of phases "
                + "(pre-build, build, post-build), found a list; put the commands under a phase, e.g. commands: "
                + "{build: [npm install]}");
    }

    @Test
    void rejectsEnvEntriesWithoutValueAndSecretsWithoutValueFrom() {
        assertThat(problems(AppRunnerYamlParserTest.minimal() + """
                  env:
                    - name: GOOGLE_CLIENT_ID
                  secrets:
                    - name: DB_PASSWORD
                      value: x
                """)).containsExactly(
                "apprunner.yaml:10:7: error: run.env[0].value: required key is missing; add e.g. value: info",
                "apprunner.yaml:12:7: error: run.secrets[0].value-from: required key is missing; add e.g. "
                        + "value-from: db-password",
                "apprunner.yaml:13:7: warning: run.secrets[0].value: unknown key; did you mean "
                        + "run.secrets[0].value-from?");
    }

    @Test
    void warnsAboutAVariableSetTwice() {
        assertThat(problems(AppRunnerYamlParserTest.minimal() + """
                  env:
                    - name: MODE
                      value: a
                    - name: MODE
                      value: b
                """)).containsExactly("apprunner.yaml:12:13: warning: run.env[1].name: \"MODE\" is already set at "
                + "line 10, column 13; remove one of the entries");
    }

    @Test
    void warnsAboutAVersionOtherThanOnePointZero() {
        var result = parse(AppRunnerYamlParserTest.minimal().replace("version: 1.0", "version: 0.2"));

        assertThat(result.config()).isPresent();
        assertThat(result.problems()).map(ConfigProblem::format).containsExactly("apprunner.yaml:1:10: warning: "
                + "version: \"0.2\" is not a known version; Slipway reads the file as version 1.0, write version: 1.0");
    }

    @Test
    void warnsAboutARuntimeVersionThatIsNotAVersionNumber() {
        assertThat(problems(AppRunnerYamlParserTest.minimal() + "  runtime-version: latest\n")).containsExactly(
                "apprunner.yaml:9:20: warning: run.runtime-version: \"latest\" is not a version number; use "
                        + "major[.minor[.patch]], e.g. runtime-version: 3.11");
    }

    @Test
    void rejectsUnknownRuntimeListingCloseMatches() {
        assertThat(runtimeError("python3.9")).isEqualTo("\"python3.9\" is not a known runtime; did you mean python3?");
        assertThat(runtimeError("pyhton3")).isEqualTo("\"pyhton3\" is not a known runtime; did you mean python3?");
        assertThat(runtimeError("nodejs21")).isEqualTo(
                "\"nodejs21\" is not a known runtime; did you mean nodejs22 or nodejs20?");
        assertThat(runtimeError("corretto12")).isEqualTo(
                "\"corretto12\" is not a known runtime; did you mean corretto11 or corretto17?");
    }

    @Test
    void rejectsUnknownRuntimeWithoutCloseMatchListingAllRuntimes() {
        var all = "python3, python311, nodejs12, nodejs14, nodejs16, nodejs18, nodejs22, corretto8, corretto11, "
                + "dotnet6, php81, ruby31, go1, python312, python313, nodejs20, corretto17, corretto21";
        assertThat(runtimeError("elixir")).isEqualTo("\"elixir\" is not a known runtime; use one of " + all);
        assertThat(runtimeError("docker")).isEqualTo("\"docker\" is not a known runtime; to build the Dockerfile, "
                + "remove apprunner.yaml, or use one of " + all);
    }

    @Test
    void rejectsAFileThatIsNotAnAppRunnerConfig() {
        assertThat(problems("KEY=%VALUE%")).containsExactly("apprunner.yaml:1:1: error: expected a map with "
                + "version, runtime, build and run, found a string; is this an apprunner.yaml? See "
                + "docs/apprunner-yaml.md");
        assertThat(problems("apiVersion: v1\nkind: Pod\n")).containsExactly("apprunner.yaml:1:1: error: expected a "
                + "map with version, runtime, build and run, found a map with keys apiVersion, kind; is this an "
                + "apprunner.yaml? See docs/apprunner-yaml.md");
        assertThat(problems("version: \"3.9\"\nservices:\n  web:\n    image: !Ref x\n")).containsExactly(
                "apprunner.yaml:2:1: error: expected a map with version, runtime, build and run, found a map with "
                        + "keys version, services; is this an apprunner.yaml? See docs/apprunner-yaml.md");
    }

    @Test
    void rejectsAnEmptyFile() {
        var expected = "apprunner.yaml: error: the file is empty; add version, runtime, build and run (see "
                + "docs/apprunner-yaml.md)";
        assertThat(problems("")).containsExactly(expected);
        assertThat(problems("# only a comment\n")).containsExactly(expected);
    }

    @Test
    void returnsNoConfigWhenThereIsAnErrorButKeepsWarningsOnly() {
        var withError = parse(AppRunnerYamlParserTest.minimal().replace("python3\n", "python9\n"));
        var withWarning = parse(AppRunnerYamlParserTest.minimal() + "  port: 80\n");

        assertThat(withError.config()).isEmpty();
        assertThat(withWarning.config()).isPresent();
        assertThat(withWarning.warnings()).hasSize(1);
    }

    static ConfigParseResult parse(String yaml) {
        return AppRunnerYamlParser.parse("apprunner.yaml", yaml);
    }

    static List<String> problems(String yaml) {
        return parse(yaml).problems().stream().map(ConfigProblem::format).toList();
    }

    private static String runtimeError(String runtime) {
        var result = parse(AppRunnerYamlParserTest.minimal().replace("runtime: python3", "runtime: " + runtime));
        return result.errors().stream().filter(p -> p.key().equals("runtime")).findFirst().orElseThrow().message();
    }
}
