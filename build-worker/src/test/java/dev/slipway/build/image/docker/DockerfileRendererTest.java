package dev.slipway.build.image.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.build.Golden;
import dev.slipway.build.TestConfigs;
import dev.slipway.build.image.BuildPhase;
import dev.slipway.config.AppRunnerConfig;
import dev.slipway.config.BuildSection;
import dev.slipway.config.EnvVar;
import dev.slipway.config.NetworkSection;
import dev.slipway.config.RunSection;
import dev.slipway.config.SecretRef;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

class DockerfileRendererTest {

    private static final String BASE = "slipway/runtime-python3:bookworm";

    @Test
    void rendersEveryKeyOfAConfig(TestInfo test) throws Exception {
        var dockerfile = DockerfileRenderer.render(BASE, everyKey(), labels());

        Golden.assertMatches(test, dockerfile.text());
    }

    @Test
    void rendersCommandsWithoutBuildEnvAsPlainShellRuns(TestInfo test) throws Exception {
        var dockerfile = DockerfileRenderer.render(BASE, TestConfigs.helloPython(), labels());

        Golden.assertMatches(test, dockerfile.text());
    }

    @Test
    void describesEachInstructionWithItsPhaseAndCommand() {
        var dockerfile = DockerfileRenderer.render(BASE, everyKey(), labels());

        assertThat(dockerfile.steps()).hasSize(dockerfile.text().split("\n").length);
        assertThat(dockerfile.steps()).extracting(BuildStep::phase).containsExactly(
                BuildPhase.BASE, BuildPhase.BASE, BuildPhase.BASE,
                BuildPhase.PRE_BUILD, BuildPhase.BUILD, BuildPhase.BUILD, BuildPhase.POST_BUILD, BuildPhase.PRE_RUN,
                BuildPhase.IMAGE, BuildPhase.IMAGE, BuildPhase.IMAGE, BuildPhase.IMAGE);
        assertThat(dockerfile.steps().get(4).command()).contains("pip install -r requirements.txt");
        assertThat(dockerfile.steps().get(0).command()).isEmpty();
    }

    @Test
    void laterPortVariablesOverrideTheSameNamesInRunEnv() {
        var config = new AppRunnerConfig("1.0", "python3", TestConfigs.build(List.of(), List.of(), List.of(),
                List.of()), new RunSection(Optional.empty(), List.of(), "python3 app.py",
                new NetworkSection(9000, Optional.of("APP_PORT")),
                List.of(new EnvVar("PORT", "1"), new EnvVar("APP_PORT", "2"), new EnvVar("A", "3")), List.of()));

        assertThat(DockerfileRenderer.runEnvironment(config))
                .containsExactly(Map.entry("A", "3"), Map.entry("PORT", "9000"), Map.entry("APP_PORT", "9000"));
    }

    @Test
    void refusesARunEnvValueWithALineBreak() {
        var config = TestConfigs.python(TestConfigs.build(List.of(), List.of(), List.of(), List.of()), List.of(),
                List.of(new EnvVar("MULTI", "one\ntwo")));

        assertThatThrownBy(() -> DockerfileRenderer.render(BASE, config, labels()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("MULTI")
                .hasMessageContaining("line break");
    }

    @Test
    void refusesAnEnvironmentNameThatIsNotAVariableName() {
        var config = TestConfigs.python(TestConfigs.build(List.of(), List.of("true"), List.of(),
                List.of(new EnvVar("A=B", "x"))), List.of(), List.of());

        assertThatThrownBy(() -> DockerfileRenderer.render(BASE, config, labels()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"A=B\"");
    }

    @Test
    void escapesJsonStrings() {
        assertThat(DockerfileRenderer.jsonString("say \"hi\"\\\n\t\u0001"))
                .isEqualTo("\"say \\\"hi\\\"\\\\\\n\\t\\u0001\"");
    }

    private static AppRunnerConfig everyKey() {
        var build = new BuildSection(
                List.of("pip install --upgrade pip"),
                List.of("pip install -r requirements.txt", "python3 -c \"print('built')\" && echo $HOME"),
                List.of("echo 'done'\necho \"second line\""),
                List.of(new EnvVar("PIP_INDEX_URL", "https://pypi.example/simple"),
                        new EnvVar("MODE", "release build")));
        var run = new RunSection(Optional.of("3.11.9"), List.of("python3 -m compileall -q ."),
                "gunicorn app:app --bind 0.0.0.0:$PORT", new NetworkSection(9000, Optional.of("APP_PORT")),
                List.of(new EnvVar("GREETING", "Hello \"friend\" $USER \\o/"), new EnvVar("EMPTY", "")),
                List.of(new SecretRef("DB_PASSWORD", "arn:aws:secretsmanager:eu-west-1:1:secret:db")));
        return new AppRunnerConfig("1.0", "python311", build, run);
    }

    private static Map<String, String> labels() {
        var labels = new LinkedHashMap<String, String>();
        labels.put(DockerImageBuilder.SERVICE_LABEL, "hello");
        labels.put(DockerImageBuilder.DEPLOYMENT_LABEL, "d-42");
        labels.put(DockerImageBuilder.COMMIT_LABEL, "0123456789abcdef0123456789abcdef01234567");
        return labels;
    }
}
