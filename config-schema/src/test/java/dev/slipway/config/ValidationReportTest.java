package dev.slipway.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.config.ConfigProblem.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValidationReportTest {

    @Test
    void validatesTextAndCountsErrorsAndWarnings() {
        var report = ValidationReport.of("svc/apprunner.yaml", "version: 2\nruntime: python3\n");

        assertThat(report.file()).isEqualTo("svc/apprunner.yaml");
        assertThat(report.errorCount()).isEqualTo(2);
        assertThat(report.warningCount()).isEqualTo(1);
        assertThat(report.hasErrors()).isTrue();
        assertThat(report.problems()).allSatisfy(p -> assertThat(p.file()).isEqualTo("svc/apprunner.yaml"));
    }

    @Test
    void rendersProblemsAsJsonEscapingWhatJsonRequires() {
        var problem = new ConfigProblem("a \"b\"\\c.yaml", 3, 7, Severity.ERROR, "run.env[0].value",
                "bad\tvalue\nhere \u0001; fix");

        assertThat(problem.toJson()).isEqualTo("{\"file\": \"a \\\"b\\\"\\\\c.yaml\", \"line\": 3, \"column\": 7, "
                + "\"severity\": \"error\", \"key\": \"run.env[0].value\", \"message\": \"bad\\tvalue\\nhere \\u0001; "
                + "fix\"}");
        assertThat(ConfigProblem.toJson(List.of())).isEqualTo("[]");
    }

    @Test
    void rendersReportsAsAJsonArray() {
        var report = new ValidationReport("x.yaml", List.of(
                new ConfigProblem("x.yaml", 0, 0, Severity.WARNING, "", "odd; fix it")));

        assertThat(ValidationReport.toJson(List.of(report))).isEqualTo("[\n  {\"file\": \"x.yaml\", \"problems\": "
                + "[{\"file\": \"x.yaml\", \"line\": 0, \"column\": 0, \"severity\": \"warning\", \"key\": \"\", "
                + "\"message\": \"odd; fix it\"}], \"errors\": 0, \"warnings\": 1}\n]");
        assertThat(ValidationReport.toJson(List.of())).isEqualTo("[]");
    }
}
