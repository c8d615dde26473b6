package dev.slipway.platform.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ValidatedYamlTest {

    @Test
    void eachProblemMarksItsLineWithTheWorstSeverityThere() {
        var yaml = ValidatedYaml.of("apprunner.yaml", "version: 1.0\r\nruntime: python3\r\nrun:\r\n  comand: x\r\n");

        assertThat(yaml.lines()).extracting(ValidatedYaml.Line::text)
                .containsExactly("version: 1.0", "runtime: python3", "run:", "  comand: x");
        assertThat(yaml.valid()).isFalse();
        assertThat(yaml.lines().get(3).severity()).isEqualTo("warning");
        assertThat(yaml.lines().get(3).problems()).containsExactly("warning: run.comand: unknown key; did you mean "
                + "run.command?");
        assertThat(yaml.lines().get(0).severity()).as("build is missing").isEqualTo("error");
        assertThat(yaml.lines().get(1).marked()).isFalse();
        assertThat(yaml.problems()).extracting(ValidatedYaml.Problem::href).containsExactly("#L1", "#L3", "#L4");
        assertThat(yaml.summary()).isEqualTo("2 errors, 1 warning");
    }

    @Test
    void aFileWithoutProblemsIsValidAndMarksNothing() {
        var yaml = ValidatedYaml.of("my.yaml", "version: 1.0\nruntime: python3\nbuild:\n  commands:\n    build:\n"
                + "      - true\nrun:\n  command: python3 app.py\n");

        assertThat(yaml.valid()).isTrue();
        assertThat(yaml.problems()).isEmpty();
        assertThat(yaml.summary()).isEqualTo("0 errors, 0 warnings");
        assertThat(yaml.lines()).hasSize(8).noneMatch(ValidatedYaml.Line::marked);
    }
}
