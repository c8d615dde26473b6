package dev.slipway.platform.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.platform.service.ServiceName;
import dev.slipway.platform.support.AppRepository;
import dev.slipway.platform.support.RunningSlipway;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Wrong requests get the right status and an {@code application/problem+json} body that says why. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiErrorsIT {

    private static final String PROBLEM = "application/problem+json";

    @TempDir
    static Path home;

    private RunningSlipway slipway;

    @BeforeAll
    void start() {
        slipway = RunningSlipway.start(home, "process");
        slipway.api().createService("existing");
    }

    @AfterAll
    void stop() {
        slipway.close();
    }

    @Test
    void apiRefusesAWrongOrMissingTokenWith401() {
        for (var token : new String[] {"wrong-token", null}) {
            var answer = slipway.api().getWithToken("/api/v1/services", token);
            assertThat(answer.status()).isEqualTo(401);
            assertThat(answer.contentType()).startsWith(PROBLEM);
            assertThat(answer.json().get("detail").asString()).contains("Authorization: Bearer");
        }
    }

    @Test
    void gitRefusesAPushWithAWrongToken(@TempDir Path work) {
        var app = AppRepository.fromExample("hello-python", work);

        var push = app.push(slipway.gitUrl("existing"), "wrong-token");

        assertThat(push.accepted()).isFalse();
        assertThat(push.message()).containsIgnoringCase("not authorized");
        assertThat(slipway.api().deployments("existing")).isEmpty();
    }

    @Test
    void unknownServiceIs404ProblemJson() {
        var answer = slipway.api().get("/api/v1/services/nothing-here");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.contentType()).startsWith(PROBLEM);
        assertThat(answer.json().get("detail").asString()).isEqualTo(
                "No service is named 'nothing-here'. GET /api/v1/services lists the services that exist.");
        assertThat(slipway.api().get("/api/v1/services/nothing-here/deployments").status()).isEqualTo(404);
    }

    @Test
    void invalidServiceNameIs400NamingTheRule() {
        var answer = slipway.api().post("/api/v1/services", Map.of("name", "Hello_World!"));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith(PROBLEM);
        assertThat(answer.json().get("detail").asString())
                .isEqualTo("'Hello_World!' is not a valid service name: " + ServiceName.RULE);
    }

    @Test
    void duplicateServiceIs409() {
        var answer = slipway.api().createService("existing");

        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.contentType()).startsWith(PROBLEM);
        assertThat(answer.json().get("detail").asString()).contains("exists already");
    }

    @Test
    void unknownSourceTypeIs400ListingTheTypes() {
        var answer = slipway.api().post("/api/v1/services",
                Map.of("name", "svn-app", "source", Map.of("type", "svn")));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("detail").asString())
                .isEqualTo("source.type 'svn' is unknown; use one of git-push, git, image");
    }

    @Test
    void deployingBeforeAnyPushIs409() {
        var answer = slipway.api().post("/api/v1/services/existing/deployments", Map.of());

        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.json().get("detail").asString()).contains("Nothing was pushed");
    }

    @Test
    void rollbackWithoutAnEarlierDeploymentIs409() {
        var answer = slipway.api().post("/api/v1/services/existing/rollback", Map.of());

        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.json().get("detail").asString()).contains("no earlier successful deployment");
    }
}
