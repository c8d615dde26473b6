package dev.slipway.platform.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.platform.support.Examples;
import dev.slipway.platform.support.RunningSlipway;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** {@code POST /api/v1/validate} gives the same located problems as the linter and a push. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ValidateApiIT {

    private static final String BROKEN = """
            version: 1.0
            runtime: python3
            build:
              commands:
                build:
                  - pip install -r requirements.txt
            run:
              port: 8000
              network:
                port: 80a
            """;

    @TempDir
    static Path home;

    private RunningSlipway slipway;

    @BeforeAll
    void start() {
        slipway = RunningSlipway.start(home, "process");
    }

    @AfterAll
    void stop() {
        slipway.close();
    }

    @Test
    void validFileIsValidWithNoProblems() throws Exception {
        var content = Files.readString(Examples.directory("hello-python").resolve("apprunner.yaml"));

        var answer = slipway.api().postText("/api/v1/validate", "application/yaml", content);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("valid").asBoolean()).isTrue();
        assertThat(answer.json().get("problems").size()).isZero();
    }

    @Test
    void brokenFileGetsEveryProblemLocated() {
        var answer = slipway.api().postText("/api/v1/validate?file=services/api/apprunner.yaml", "text/yaml", BROKEN);

        assertThat(answer.status()).isEqualTo(200);
        var report = answer.json();
        assertThat(report.get("valid").asBoolean()).isFalse();
        assertThat(report.get("errors").asInt()).isEqualTo(2);
        assertThat(report.get("warnings").asInt()).isEqualTo(1);
        assertThat(report.get("problems").valueStream().map(p -> p.get("text").asString()))
                .anySatisfy(t -> assertThat(t).startsWith("services/api/apprunner.yaml:8:3: warning: run.port: "))
                .anySatisfy(t -> assertThat(t).startsWith("services/api/apprunner.yaml:10:11: error: run.network.port: "))
                .anySatisfy(t -> assertThat(t).contains("error: run.command: required key is missing"));
        var port = report.get("problems").valueStream().filter(p -> p.get("key").asString().equals("run.network.port"))
                .findFirst().orElseThrow();
        assertThat(port.get("line").asInt()).isEqualTo(10);
        assertThat(port.get("column").asInt()).isEqualTo(11);
        assertThat(port.get("severity").asString()).isEqualTo("error");
    }

    @Test
    void acceptsTheFileInJson() {
        var answer = slipway.api().post("/api/v1/validate", Map.of("file", "apprunner.yaml", "content", BROKEN));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("valid").asBoolean()).isFalse();
        assertThat(answer.json().get("errors").asInt()).isEqualTo(2);
    }

    @Test
    void jsonWithoutContentIs400() {
        var answer = slipway.api().post("/api/v1/validate", Map.of("file", "apprunner.yaml"));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().get("detail").asString()).startsWith("content is required");
    }

    @Test
    void needsTheToken() {
        assertThat(slipway.api().getWithToken("/api/v1/validate", null).status()).isEqualTo(401);
    }
}
