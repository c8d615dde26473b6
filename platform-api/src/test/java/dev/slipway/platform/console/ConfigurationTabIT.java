package dev.slipway.platform.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.platform.support.AppRepository;
import dev.slipway.platform.support.RunningSlipway;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A deployed service's configuration tab, signed in through the real form: the apprunner.yaml its active deployment
 * was built from with the validator's warnings at their lines, its environment without secrets' values, and a
 * scaling form that changes what {@code PATCH /api/v1/services/{name}} changes, through the same checks.
 */
class ConfigurationTabIT {

    private static final String SERVICE = "configured";
    private static final String TAB = "/services/" + SERVICE + "/configuration";

    @TempDir
    static Path home;

    @TempDir
    static Path work;

    private static RunningSlipway slipway;
    private static ConsoleFormClient console;

    /** Pushes the hello example with a key App Runner does not know (a warning, line 12) and a secret. */
    @BeforeAll
    static void deploy() {
        slipway = RunningSlipway.start(home, "process");
        console = ConsoleFormClient.signIn(slipway);
        slipway.api().createService(SERVICE);
        var app = AppRepository.fromExample("hello-python", work)
                .edit("apprunner.yaml", "    env: APP_PORT\n", "    env: APP_PORT\n  timeout: 30\n")
                .edit("apprunner.yaml", "      value: Hello from Slipway\n", "      value: Hello from Slipway\n"
                        + "  secrets:\n    - name: API_KEY\n      value-from: arn:aws:secretsmanager:us-east-1:"
                        + "123456789012:secret:api-key\n");
        app.commit("A timeout App Runner does not know, and a secret");
        var push = app.push(slipway.gitUrl(SERVICE), RunningSlipway.TOKEN);
        assertThat(push.accepted()).as(push.text()).isTrue();
    }

    @AfterAll
    static void stop() {
        if (slipway != null) {
            slipway.close();
        }
    }

    @Test
    void theTabShowsTheDeployedFileWithItsWarningsAtTheirLinesAndTheEnvironmentWithoutSecrets() {
        var page = console.get(TAB);

        assertThat(page.status()).isEqualTo(200);
        var body = page.body();
        assertThat(body).contains("<span class=\"yaml-text\">runtime: python3</span>")
                .contains("<strong>apprunner.yaml</strong> is valid, with\n    <span>0 errors, 1 warning</span>")
                .contains("<div id=\"L12\" class=\"yaml-line sev-warning\">")
                .containsPattern(Pattern.compile("<a class=\"yaml-position\" href=\"#L12\"[^>]*>12:3</a>\\s*"
                        + "<span class=\"yaml-severity\">warning</span>\\s*"
                        + "<code class=\"yaml-key\">run.timeout</code>"));
        assertThat(body).containsPattern(Pattern.compile("<code>GREETING</code></th>\\s*<td><code>Hello from Slipway"
                + "</code>"));
        assertThat(body).containsPattern(Pattern.compile("<code>API_KEY</code></th>\\s*<td>\\s*<span class=\"muted\">"
                + "secret: value not shown</span>"));
        assertThat(body).as("the push help is for services not deployed yet").doesNotContain("id=\"push-remote\"");
        assertThat(body).as("the effective scaling and where it comes from").containsPattern(Pattern.compile(
                "Max concurrency <code>maxConcurrency</code></th>\\s*<td>100</td><td>default</td>"));
    }

    @Test
    void theRestApiNamesTheFileADeploymentWasBuiltFromAndGivesItsTextForOneDeployment() {
        var id = slipway.api().latestDeployment(SERVICE).get("id").asString();
        assertThat(slipway.api().latestDeployment(SERVICE).get("configFile").asString()).isEqualTo("apprunner.yaml");
        assertThat(slipway.api().latestDeployment(SERVICE).has("configText")).as("lists leave the text out").isFalse();

        var deployment = slipway.api().get("/api/v1/services/" + SERVICE + "/deployments/" + id).json();

        assertThat(deployment.get("configFile").asString()).isEqualTo("apprunner.yaml");
        assertThat(deployment.get("configText").asString()).startsWith("version: 1.0\nruntime: python3\n")
                .contains("  timeout: 30\n");
    }

    @Test
    void theScalingFormChangesTheScalingAsTheApiDoesAndShowsItsProblemsAtTheirFields() {
        var saved = console.submit(TAB, TAB + "/scaling", Map.of("maxConcurrency", "", "minSize", "2",
                "maxSize", "3"));

        assertThat(saved.status()).as(saved.body()).isEqualTo(302);
        assertThat(saved.location()).endsWith(TAB);
        var scaling = slipway.api().service(SERVICE).get("scaling");
        assertThat(scaling.get("minSize").asInt()).isEqualTo(2);
        assertThat(scaling.get("maxSize").asInt()).isEqualTo(3);
        assertThat(scaling.get("sources").get("minSize").asString()).isEqualTo("api");
        assertThat(scaling.get("sources").get("maxConcurrency").asString()).isEqualTo("default");
        var shown = console.get(TAB).body();
        assertThat(shown).contains("Scaling saved.");
        assertThat(field(shown, "scaling-minSize")).contains("value=\"2\"");

        var outOfRange = console.submit(TAB, TAB + "/scaling", Map.of("maxConcurrency", "500", "minSize", "2",
                "maxSize", "3"));
        assertThat(outOfRange.status()).isEqualTo(400);
        assertThat(field(outOfRange.body(), "scaling-maxConcurrency")).contains("value=\"500\"")
                .contains("aria-describedby=\"scaling-help scaling-maxConcurrency-error\"");
        assertThat(outOfRange.body()).contains("id=\"scaling-maxConcurrency-error\">scaling.maxConcurrency must be an "
                + "integer from 1 to 200, or null for apprunner.yaml&#39;s; got 500").contains("role=\"alert\"");
        var notANumber = console.submit(TAB, TAB + "/scaling", Map.of("maxConcurrency", "", "minSize", "two",
                "maxSize", "3"));
        assertThat(notANumber.body()).contains("id=\"scaling-minSize-error\">scaling.minSize must be a whole number, "
                + "or blank for apprunner.yaml&#39;s; got &quot;two&quot;");
        var minAboveMax = console.submit(TAB, TAB + "/scaling", Map.of("maxConcurrency", "", "minSize", "2",
                "maxSize", "1"));
        assertThat(minAboveMax.body()).contains("id=\"scaling-maxSize-error\">scaling.minSize 2 is above maxSize 1");
        assertThat(slipway.api().service(SERVICE).get("scaling").get("maxSize").asInt()).as("nothing changed")
                .isEqualTo(3);

        var handedBack = console.submit(TAB, TAB + "/scaling", Map.of("maxConcurrency", "", "minSize", "",
                "maxSize", ""));
        assertThat(handedBack.status()).isEqualTo(302);
        assertThat(slipway.api().service(SERVICE).get("scaling").get("sources").valueStream()
                .map(v -> v.asString())).containsOnly("default");
    }

    @Test
    void pauseAndResumeFromTheTab() {
        var paused = console.submit(TAB, TAB + "/pause", Map.of());
        assertThat(paused.status()).isEqualTo(302);
        assertThat(slipway.api().service(SERVICE).get("status").asString()).isEqualTo("PAUSED");
        assertThat(console.get(TAB).body()).contains("Paused: the instances stop").contains(">Resume</button>");

        var resumed = console.submit(TAB, TAB + "/resume", Map.of());
        assertThat(resumed.status()).isEqualTo(302);
        assertThat(slipway.api().service(SERVICE).get("status").asString()).isNotEqualTo("PAUSED");
        assertThat(console.get(TAB).body()).contains(">Pause</button>");
    }

    private static String field(String page, String id) {
        var matcher = Pattern.compile("<input id=\"" + Pattern.quote(id) + "\"[^>]*>").matcher(page);
        assertThat(matcher.find()).as("a field " + id + " in " + page).isTrue();
        return matcher.group();
    }
}
