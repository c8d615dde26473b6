package dev.slipway.build.image.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.build.Golden;
import dev.slipway.build.TestConfigs;
import dev.slipway.config.AppRunnerConfig;
import dev.slipway.config.EnvVar;
import dev.slipway.config.NetworkSection;
import dev.slipway.config.RunSection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

class DockerfileTextTest {

    private static final String RUNTIME = "sha256:" + "1".repeat(64);
    private static final String MODELS = "sha256:" + "2".repeat(64);
    private static final String BUILD = "sha256:" + "3".repeat(64);
    private static final String KEY = "4".repeat(64);

    @Test
    void theFinalImageSetsRunEnvPortsCommandAndNothingOfTheBuild(TestInfo test) throws Exception {
        var config = new AppRunnerConfig("1.0", "python3",
                TestConfigs.build(List.of(), List.of("pip install -r requirements.txt"), List.of(),
                        List.of(new EnvVar("BUILD_ONLY", "secret-ish"))),
                new RunSection(Optional.empty(), List.of(), "python3 app.py --greeting \"$GREETING\"",
                        new NetworkSection(9000, Optional.of("APP_PORT")),
                        List.of(new EnvVar("PORT", "1"), new EnvVar("GREETING", "Hi \"there\" $USER \\o/")),
                        List.of()));

        var text = FinalImage.settings(RUNTIME, config).labels(Map.of(BuildLabels.KEY, KEY)).text();

        Golden.assertMatches(test, text);
        assertThat(text).doesNotContain("BUILD_ONLY", "pip install", "RUN");
    }

    @Test
    void theBaseImageCopiesTheModelsFromTheirImage(TestInfo test) throws Exception {
        Golden.assertMatches(test, BaseStage.dockerfile(ImageKind.BUILD_BASE, KEY, RUNTIME, Optional.of(MODELS),
                Optional.of("9".repeat(64))).text());
    }

    @Test
    void aBaseImageWithoutModelsOnlySetsTheWorkingDirectory() {
        assertThat(BaseStage.dockerfile(ImageKind.RUN_BASE, KEY, RUNTIME, Optional.empty(), Optional.empty()).text())
                .isEqualTo("FROM " + RUNTIME + "\nWORKDIR /app\nLABEL dev.slipway.managed=\"true\""
                        + " dev.slipway.kind=\"run-base\" dev.slipway.key=\"" + KEY + "\"\n");
    }

    @Test
    void theAppStageCopiesOnlyTheAppDirectory(TestInfo test) throws Exception {
        Golden.assertMatches(test, RunStage.dockerfile(RUNTIME, BUILD, KEY).text());
    }

    @Test
    void theModelsImageStartsFromScratch(TestInfo test) throws Exception {
        Golden.assertMatches(test, ModelsImage.dockerfile("9".repeat(64)).text());
    }

    @Test
    void refusesValuesADockerfileCannotHold() {
        assertThatThrownBy(() -> new DockerfileText().env(Map.of("A", "two\nlines")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line break");
        assertThatThrownBy(() -> new DockerfileText().env(Map.of("1A", "x")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("invalid name");
        assertThatThrownBy(() -> new DockerfileText().from("image with spaces"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DockerfileText().copyFrom(MODELS, "/a b", "/c"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void writesJsonStringsWithEscapes() {
        assertThat(DockerfileText.jsonArray(List.of("sh", "-c", "echo \"a\\b\"\n\t\u0001")))
                .isEqualTo("[\"sh\", \"-c\", \"echo \\\"a\\\\b\\\"\\n\\t\\u0001\"]");
    }
}
