package dev.slipway.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.config.ConfigProblem.Severity;
import org.junit.jupiter.api.Test;

class ConfigProblemTest {

    @Test
    void formatsFileLineColumnSeverityKeyAndMessage() {
        assertThat(new ConfigProblem("apprunner.yaml", 7, 11, Severity.ERROR, "run.network.port", "bad; fix").format())
                .isEqualTo("apprunner.yaml:7:11: error: run.network.port: bad; fix");
    }

    @Test
    void leavesOutWhatAProblemAboutTheWholeFileOrDirectoryLacks() {
        assertThat(new ConfigProblem("apprunner.yaml", 0, 0, Severity.WARNING, "", "odd; fix").format())
                .isEqualTo("apprunner.yaml: warning: odd; fix");
        assertThat(new ConfigProblem("", 0, 0, Severity.ERROR, "", "nothing here; add it").format())
                .isEqualTo("error: nothing here; add it");
    }
}
