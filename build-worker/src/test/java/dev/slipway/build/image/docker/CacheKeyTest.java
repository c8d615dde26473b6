package dev.slipway.build.image.docker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.build.TestConfigs;
import dev.slipway.config.AppRunnerConfig;
import dev.slipway.config.EnvVar;
import dev.slipway.config.NetworkSection;
import dev.slipway.config.RunSection;
import dev.slipway.config.runtime.BuildProcess;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CacheKeyTest {

    private static final String BASE = "sha256:" + "b".repeat(64);
    private static final String SOURCE = "5".repeat(64);

    @Test
    void equalPartsGiveEqualKeysAndPartBoundariesCount() {
        assertThat(CacheKey.of(ImageKind.BUILD).add("a", "bc").hex())
                .isEqualTo(CacheKey.of(ImageKind.BUILD).add("a", "bc").hex())
                .isNotEqualTo(CacheKey.of(ImageKind.BUILD).add("ab", "c").hex())
                .isNotEqualTo(CacheKey.of(ImageKind.APP).add("a", "bc").hex())
                .hasSize(64).matches("[0-9a-f]+");
        assertThat(CacheKey.of(ImageKind.BUILD).add("l", List.of("a b")).hex())
                .isNotEqualTo(CacheKey.of(ImageKind.BUILD).add("l", List.of("a", "b")).hex());
    }

    @Test
    void theBuildKeyFollowsSourceCommandsBuildEnvAndProcessButNotTheRunSection() {
        var config = TestConfigs.buildingWith("pip install -r requirements.txt");
        var key = BuildStage.key(BASE, SOURCE, config, BuildProcess.ORIGINAL, Map.of());

        assertThat(BuildStage.key(BASE, SOURCE, config, BuildProcess.ORIGINAL, Map.of())).isEqualTo(key);
        assertThat(BuildStage.key(BASE, SOURCE, withRun(config, "python3 other.py"), BuildProcess.ORIGINAL,
                Map.of())).as("run section").isEqualTo(key);
        assertThat(BuildStage.key(BASE, "6".repeat(64), config, BuildProcess.ORIGINAL, Map.of()))
                .as("source").isNotEqualTo(key);
        assertThat(BuildStage.key("sha256:" + "c".repeat(64), SOURCE, config, BuildProcess.ORIGINAL, Map.of()))
                .as("build base").isNotEqualTo(key);
        assertThat(BuildStage.key(BASE, SOURCE, config, BuildProcess.REVISED, Map.of()))
                .as("process").isNotEqualTo(key);
        assertThat(BuildStage.key(BASE, SOURCE, TestConfigs.buildingWith("pip install ."), BuildProcess.ORIGINAL,
                Map.of())).as("commands").isNotEqualTo(key);
        var withEnv = TestConfigs.python(TestConfigs.build(List.of(), config.build().build(), List.of(),
                List.of(new EnvVar("MODE", "x"))), List.of(), List.of());
        assertThat(BuildStage.key(BASE, SOURCE, withEnv, BuildProcess.ORIGINAL, Map.of()))
                .as("build.env").isNotEqualTo(key);
    }

    @Test
    void secretsChangeTheBuildKeyByNameOnly() {
        var config = TestConfigs.buildingWith("make");
        var one = BuildStage.key(BASE, SOURCE, config, BuildProcess.ORIGINAL, Map.of("TOKEN", "one"));

        assertThat(BuildStage.key(BASE, SOURCE, config, BuildProcess.ORIGINAL, Map.of("TOKEN", "two")))
                .isEqualTo(one);
        assertThat(BuildStage.key(BASE, SOURCE, config, BuildProcess.ORIGINAL, Map.of())).isNotEqualTo(one);
    }

    private static AppRunnerConfig withRun(AppRunnerConfig config, String command) {
        return new AppRunnerConfig(config.version(), config.runtime(), config.build(),
                new RunSection(Optional.empty(), List.of(), command, new NetworkSection(9000, Optional.empty()),
                        List.of(new EnvVar("A", "b")), List.of()));
    }
}
