package dev.slipway.platform.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.platform.support.RunningSlipway;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console's forms that need no deployment, signed in through the real sign-in form: creating a service (through
 * the API's own checks, problems next to their fields), validating an apprunner.yaml, and deleting a service once its
 * name is typed.
 */
class ConsoleFormsIT {

    private static final String BROKEN_YAML = """
            version: 1.0
            runtime: python3
            build:
              commands:
                build:
                  - pip install -r requirements.txt
            run:
              comand: python3 app.py
              network:
                port: 8080
            """;

    @TempDir
    static Path home;

    private static RunningSlipway slipway;
    private static ConsoleFormClient console;

    @BeforeAll
    static void start() {
        slipway = RunningSlipway.start(home, "process");
        console = ConsoleFormClient.signIn(slipway);
    }

    @AfterAll
    static void stop() {
        if (slipway != null) {
            slipway.close();
        }
    }

    @Test
    void aServiceCreatedThroughTheFormOpensItsPageWhichTellsHowToPush() {
        var created = console.submit("/services/new", "/services/new", Map.of("name", "from-form",
                "sourceType", "git-push", "branch", "release", "sourceDirectory", "app/"));

        assertThat(created.status()).as(created.body()).isEqualTo(302);
        assertThat(created.location()).endsWith("/services/from-form");
        var source = slipway.api().service("from-form").get("source");
        assertThat(source.get("type").asString()).isEqualTo("git-push");
        assertThat(source.get("branch").asString()).isEqualTo("release");
        assertThat(source.get("sourceDirectory").asString()).as("as the API stores it").isEqualTo("app");
        var configuration = console.get("/services/from-form/configuration");
        assertThat(configuration.status()).isEqualTo(200);
        assertThat(configuration.body())
                .contains("<code id=\"push-remote\">git remote add slipway " + slipway.gitUrl("from-form") + "</code>")
                .contains("data-copy=\"push-remote\"")
                .contains("<code id=\"push-branch\">git push slipway release</code>")
                .contains("data-copy=\"push-branch\"")
                .contains("Nothing is deployed yet.");
    }

    @Test
    void aBadNameIsShownAtTheNameFieldWithEverythingTypedKept() {
        var refused = console.submit("/services/new", "/services/new", Map.of("name", "Bad_<b>Name</b>",
                "sourceType", "git", "url", "https://git.example.com/team/app.git", "branch", "release",
                "sourceDirectory", "services/api", "s3Endpoint", "minio:9000", "s3Region", "eu-west-1",
                "s3AccessKeyId", "AKIAEXAMPLE", "s3SecretAccessKey", "the-secret-key"));

        assertThat(refused.status()).isEqualTo(400);
        var page = refused.body();
        assertThat(field(page, "name")).contains("aria-describedby=\"name-help name-error\"")
                .contains("aria-invalid=\"true\"").contains("value=\"Bad_&lt;b&gt;Name&lt;/b&gt;\"");
        assertThat(page).as("the problem right under the field and its help").containsPattern(Pattern.compile(
                "<input id=\"name\"[^>]*>\\s*<p id=\"name-help\"[^<]*<span>[^<]*</span>.</p>\\s*"
                + "<p class=\"field-error\"\\s+id=\"name-error\">&#39;Bad_&lt;b&gt;Name&lt;/b&gt;&#39; is not a valid "
                + "service name: a service name has 2 to 40 characters"));
        assertThat(page).as("every problem at once, each at its field")
                .contains("id=\"s3-endpoint-error\">s3.endpoint must be an http:// or https:// URL");
        assertThat(page).as("a summary at the top linking to the fields").containsPattern(Pattern.compile(
                "role=\"alert\">\\s*<p>There are 2 problems:</p>\\s*<ul>\\s*<li>\\s*<a href=\"#name\">"));
        assertThat(page).contains("<a href=\"#s3-endpoint\">");
        assertThat(field(page, "source-type-git")).contains("checked");
        assertThat(field(page, "source-type-git-push")).doesNotContain("checked");
        assertThat(field(page, "source-url")).contains("value=\"https://git.example.com/team/app.git\"");
        assertThat(field(page, "source-branch")).contains("value=\"release\"");
        assertThat(field(page, "source-sourceDirectory")).contains("value=\"services/api\"");
        assertThat(field(page, "s3-endpoint")).contains("value=\"minio:9000\"");
        assertThat(field(page, "s3-region")).contains("value=\"eu-west-1\"");
        assertThat(field(page, "s3-accessKeyId")).contains("value=\"AKIAEXAMPLE\"");
        assertThat(page).doesNotContain("the-secret-key").doesNotContain("<b>Name</b>");
        assertThat(slipway.api().get("/api/v1/services").json().valueStream()
                .map(s -> s.get("name").asString())).doesNotContain("Bad_<b>Name</b>");
    }

    @Test
    void theApisOtherProblemsAndConflictsShowAtTheirFieldsToo() {
        var noUrl = console.submit("/services/new", "/services/new", Map.of("name", "fetched", "sourceType", "git"));
        assertThat(noUrl.status()).isEqualTo(400);
        assertThat(field(noUrl.body(), "source-url")).contains("aria-describedby=\"source-url-help source-url-error\"");
        assertThat(noUrl.body()).contains("id=\"source-url-error\">source.url is required: the repository to fetch");

        slipway.api().createService("taken");
        var taken = console.submit("/services/new", "/services/new", Map.of("name", "taken", "sourceType", "git-push"));
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.body()).contains("id=\"name-error\">A service named &#39;taken&#39; exists already");
    }

    @Test
    void theApiNamesTheSameFieldsInItsProblems() {
        var noUrl = slipway.api().post("/api/v1/services", Map.of("name", "fetched", "source", Map.of("type", "git")));
        assertThat(noUrl.status()).isEqualTo(400);
        assertThat(noUrl.json().get("field").asString()).isEqualTo("source.url");
        assertThat(noUrl.json().get("detail").asString()).startsWith("source.url is required");
        var badName = slipway.api().post("/api/v1/services", Map.of("name", "X"));
        assertThat(badName.json().get("field").asString()).isEqualTo("name");
    }

    @Test
    void aBrokenYamlShowsItsProblemsLocatedAndTheirLinesMarked() {
        var checked = console.submitMultipart("/validate", "/validate", Map.of("content", BROKEN_YAML), "file", "", "");

        assertThat(checked.status()).isEqualTo(200);
        var page = checked.body();
        assertThat(page).contains("has <span>1 error, 1 warning</span>");
        assertThat(page).containsPattern(Pattern.compile("<li class=\"yaml-problem sev-error\">\\s*"
                + "<a class=\"yaml-position\" href=\"#L7\" aria-label=\"line 7, column 1\">7:1</a>\\s*"
                + "<span class=\"yaml-severity\">error</span>\\s*<code class=\"yaml-key\">run.command</code>\\s*"
                + "<span class=\"yaml-message\">required key is missing"));
        assertThat(page).containsPattern(Pattern.compile("<a class=\"yaml-position\" href=\"#L8\"[^>]*>8:3</a>\\s*"
                + "<span class=\"yaml-severity\">warning</span>\\s*<code class=\"yaml-key\">run.comand</code>"));
        assertThat(page).contains("<div id=\"L7\" class=\"yaml-line sev-error\">")
                .contains("<div id=\"L8\" class=\"yaml-line sev-warning\">")
                .contains("<div id=\"L2\" class=\"yaml-line\">");
        assertThat(line(page, 8)).contains("<span class=\"yaml-text\">  comand: python3 app.py</span>")
                .contains("warning: run.comand: unknown key; did you mean run.command?");
        assertThat(page).as("the text stays in the form to fix and check again")
                .contains(">version: 1.0\nruntime: python3\n");
    }

    @Test
    void anUploadedFileIsCheckedUnderItsOwnNameAndAValidOneSaysSo() {
        var yaml = BROKEN_YAML.replace("comand:", "command:");

        var checked = console.submitMultipart("/validate", "/validate", Map.of("content", ""), "file",
                "my-app.yaml", yaml);

        assertThat(checked.status()).isEqualTo(200);
        assertThat(checked.body()).contains("<strong>my-app.yaml</strong> is valid: no problems found.")
                .doesNotContain("class=\"yaml-line sev-error\"").doesNotContain("class=\"yaml-line sev-warning\"");
        var empty = console.submitMultipart("/validate", "/validate", Map.of("content", " "), "file", "", "");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.body()).contains("id=\"content-error\">Paste the text of an apprunner.yaml here");
    }

    @Test
    void aScriptInPastedYamlIsShownAsText() {
        var yaml = BROKEN_YAML.replace("comand: python3 app.py", "command: \"<script>alert('x')</script>\"")
                .replace("runtime: python3", "runtime: <img src=x onerror=alert(1)>");

        var page = console.submitMultipart("/validate", "/validate", Map.of("content", yaml), "file", "", "").body();

        assertThat(page).doesNotContain("<script>alert").doesNotContain("<img src=x")
                .contains("<span class=\"yaml-text\">  command: "
                        + "&quot;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&quot;</span>")
                .contains("runtime: &lt;img src=x onerror=alert(1)&gt;");
    }

    @Test
    void deletingNeedsTheServicesNameTyped() {
        slipway.api().createService("doomed");

        var wrong = console.submit("/services/doomed/settings", "/services/doomed/settings/delete",
                Map.of("confirm", "doome"));

        assertThat(wrong.status()).isEqualTo(400);
        assertThat(field(wrong.body(), "confirm")).contains("value=\"doome\"")
                .contains("aria-describedby=\"confirm-help confirm-error\"");
        assertThat(wrong.body()).contains("id=\"confirm-error\">&#39;doome&#39; is not this service&#39;s name; "
                + "type doomed to delete it.").contains("role=\"alert\"");
        assertThat(slipway.api().get("/api/v1/services/doomed").status()).isEqualTo(200);

        var deleted = console.submit("/services/doomed/settings", "/services/doomed/settings/delete",
                Map.of("confirm", "doomed"));

        assertThat(deleted.status()).isEqualTo(302);
        assertThat(deleted.location()).endsWith("/");
        assertThat(slipway.api().get("/api/v1/services/doomed").status()).isEqualTo(404);
        assertThat(console.get("/services/doomed/settings").status()).isEqualTo(404);
    }

    /** The {@code <input>} or {@code <textarea>} tag with this id. */
    private static String field(String page, String id) {
        var matcher = Pattern.compile("<(input|textarea) id=\"" + Pattern.quote(id) + "\"[^>]*>").matcher(page);
        assertThat(matcher.find()).as("a field " + id + " in " + page).isTrue();
        return matcher.group();
    }

    /** The marked-up line {@code n} of a shown yaml. */
    private static String line(String page, int n) {
        var start = page.indexOf("<div id=\"L" + n + "\"");
        assertThat(start).as("line " + n).isNotNegative();
        return page.substring(start, page.indexOf("</div>", start));
    }
}
