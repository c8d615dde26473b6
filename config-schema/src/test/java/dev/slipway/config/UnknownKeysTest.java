package dev.slipway.config;

import static dev.slipway.config.ParserProblemsTest.problems;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Unknown and misplaced keys: warnings that say where the key belongs. */
class UnknownKeysTest {

    @Test
    void warnsAboutRunPortSuggestingNetworkPort() {
        assertThat(problems("""
                version: 1.0
                runtime: python3
                build:
                  commands: {build: [pip install -r requirements.txt]}
                run:
                  port: 8080
                  command: python3 app.py
                """)).containsExactly("apprunner.yaml:6:3: warning: run.port: unknown key; did you mean "
                + "run.network.port?");
    }

    @Test
    void suggestsWhereMisplacedKeysBelong() {
        assertThat(problems("""
                Version: 1.0
                runtime: nodejs18
                port: 80
                env:
                  - name: A
                    value: b
                network: {port: 80}
                build:
                  comands:
                    build: [npm ci]
                  build: [npm ci]
                run:
                  comand: npm start
                  ports: 80
                  environment: []
                """)).containsExactly(
                "apprunner.yaml:1:1: warning: Version: unknown key; did you mean version?",
                "apprunner.yaml:1:1: error: version: required key is missing; add e.g. version: 1.0",
                "apprunner.yaml:3:1: warning: port: unknown key; did you mean run.network.port?",
                "apprunner.yaml:4:1: warning: env: unknown key; did you mean build.env or run.env?",
                "apprunner.yaml:7:1: warning: network: unknown key; did you mean run.network?",
                "apprunner.yaml:8:1: error: build.commands: required key is missing; add it under build, e.g. "
                        + "commands: {build: [npm install]}",
                "apprunner.yaml:9:3: warning: build.comands: unknown key; did you mean build.commands?",
                "apprunner.yaml:11:3: warning: build.build: unknown key; did you mean build.commands.build?",
                "apprunner.yaml:12:1: error: run.command: required key is missing; add it under run, e.g. command: "
                        + "npm start",
                "apprunner.yaml:13:3: warning: run.comand: unknown key; did you mean run.command?",
                "apprunner.yaml:14:3: warning: run.ports: unknown key; did you mean run.network.port?",
                "apprunner.yaml:15:3: warning: run.environment: unknown key; did you mean run.env?");
    }

    @Test
    void suggestsPreBuildForPrebuild() {
        assertThat(problems("""
                version: 1.0
                runtime: nodejs12
                build:
                  commands:
                    prebuild: [npm ci]
                    build: [npm run build]
                run:
                  command: npm start
                """)).containsExactly("apprunner.yaml:5:5: warning: build.commands.prebuild: unknown key; did you "
                + "mean build.commands.pre-build?");
    }

    @Test
    void ignoresAnEnvEntryWithValueFromSuggestingSecrets() {
        var result = ParserProblemsTest.parse(AppRunnerYamlParserTest.minimal() + """
                  env:
                    - name: DB_PASSWORD
                      value-from: arn:aws:ssm:us-east-1:123456789012:parameter/db-password
                """);

        assertThat(result.config().orElseThrow().run().env()).isEmpty();
        assertThat(result.problems()).map(ConfigProblem::format).containsExactly("apprunner.yaml:11:7: warning: "
                + "run.env[0].value-from: unknown key; did you mean run.secrets? An entry with value-from belongs "
                + "there; this entry is ignored");
    }

    @Test
    void pointsServiceSettingsToTheSlipwaySection() {
        var ignored = "App Runner ignores this key; did you mean ";
        assertThat(problems(AppRunnerYamlParserTest.minimal() + """
                  health-check: {path: /}
                health_check: {path: /}
                healthCheck: {path: /}
                scaling: {max: 3}
                AutoScaling: {max: 3}
                instance_configuration: {cpu: 1}
                cpu: 1 vCPU
                observability: {}
                """)).containsExactly(
                "apprunner.yaml:9:3: warning: run.health-check: " + ignored + "slipway.health-check?",
                "apprunner.yaml:10:1: warning: health_check: " + ignored + "slipway.health-check?",
                "apprunner.yaml:11:1: warning: healthCheck: " + ignored + "slipway.health-check?",
                "apprunner.yaml:12:1: warning: scaling: " + ignored + "slipway.scaling?",
                "apprunner.yaml:13:1: warning: AutoScaling: " + ignored + "slipway.scaling?",
                "apprunner.yaml:14:1: warning: instance_configuration: " + ignored + "slipway.instance?",
                "apprunner.yaml:15:1: warning: cpu: " + ignored + "slipway.instance.cpu?",
                "apprunner.yaml:16:1: warning: observability: App Runner ignores this key and Slipway has no such "
                        + "setting; remove it");
    }

    @Test
    void suggestsSlipwayKeysForMisspeltOrApiNames() {
        assertThat(problems(AppRunnerYamlParserTest.minimal() + """
                slipway:
                  healthcheck: {}
                  scaling:
                    min_instances: 0
                    MaxSize: 3
                  instance:
                    memory_size: 2 GB
                """)).containsExactly(
                "apprunner.yaml:10:3: warning: slipway.healthcheck: unknown key; did you mean slipway.health-check?",
                "apprunner.yaml:12:5: warning: slipway.scaling.min_instances: unknown key; did you mean "
                        + "slipway.scaling.min-instances?",
                "apprunner.yaml:13:5: warning: slipway.scaling.MaxSize: unknown key; did you mean "
                        + "slipway.scaling.max-instances?",
                "apprunner.yaml:15:5: warning: slipway.instance.memory_size: unknown key; keys allowed here: cpu, "
                        + "memory");
    }

    @Test
    void suggestsPreBuildForCodeBuildsInstallPhase() {
        assertThat(problems(AppRunnerYamlParserTest.minimal().replace("    build:\n",
                "    install: [pip install -U pip]\n    build:\n"))).containsExactly(
                "apprunner.yaml:5:5: warning: build.commands.install: unknown key; did you mean "
                        + "build.commands.pre-build?");
    }

    @Test
    void listsTheAllowedKeysWhenNothingIsClose() {
        assertThat(problems(AppRunnerYamlParserTest.minimal() + "  startup: fast\nsource: {}\n")).containsExactly(
                "apprunner.yaml:9:3: warning: run.startup: unknown key; keys allowed here: runtime-version, "
                        + "pre-run, command, network, env, secrets",
                "apprunner.yaml:10:1: warning: source: unknown key; keys allowed here: version, runtime, build, run, "
                        + "models, slipway");
    }
}
