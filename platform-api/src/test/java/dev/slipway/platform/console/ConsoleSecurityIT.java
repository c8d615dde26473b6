package dev.slipway.platform.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.platform.support.AppRepository;
import dev.slipway.platform.support.Browser;
import dev.slipway.platform.support.ConsoleSession;
import dev.slipway.platform.support.RunningSlipway;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;

/**
 * The console's sign-in and the protections around it, against a real Slipway: pages need a session, forms need
 * their CSRF field, the session cookie is HttpOnly and SameSite, pages run only the console's own scripts, the token
 * stays out of URLs, user text renders as text, and the REST API still takes its token and nothing else.
 */
class ConsoleSecurityIT {

    private static final String SCRIPT = "<script>alert(1)</script>";

    @TempDir
    static Path home;

    @TempDir
    Path work;

    private static RunningSlipway slipway;

    @BeforeAll
    static void start() {
        slipway = RunningSlipway.start(home, "process");
    }

    @AfterAll
    static void stop() {
        if (slipway != null) {
            slipway.close();
        }
    }

    private ConsoleSession session() {
        return new ConsoleSession(slipway.baseUrl());
    }

    @Test
    void aPageWithoutASessionRedirectsToTheSignInForm() {
        var console = session();
        for (var path : new String[] {"/", "/services/hello", "/fragments/services"}) {
            var answer = console.get(path);
            assertThat(answer.statusCode()).as(path).isEqualTo(302);
            assertThat(answer.headers().firstValue("Location")).as(path).hasValue(slipway.baseUrl() + "/login");
        }
        var form = console.get("/login");
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("name=\"token\"", "type=\"password\"", "method=\"post\"");
    }

    @Test
    void theSignInFormPostedWithoutItsCsrfFieldIsRefused() {
        var console = session();
        console.get("/login");

        var answer = console.postForm("/login", Map.of("token", RunningSlipway.TOKEN));

        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(console.get("/").statusCode()).as("still signed out").isEqualTo(302);
    }

    @Test
    void aWrongTokenGoesBackToTheFormWithTheReason() {
        var console = session();
        var form = console.get("/login");

        var answer = console.postForm("/login",
                Map.of("token", "not-the-token", "_csrf", ConsoleSession.csrfField(form.body())));

        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(answer.headers().firstValue("Location")).hasValue(slipway.baseUrl() + "/login?error");
        var again = console.get("/login?error");
        assertThat(again.body()).contains("That token is not valid").contains("SLIPWAY_ADMIN_TOKEN");
        assertThat(console.get("/").statusCode()).as("still signed out").isEqualTo(302);
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSite() {
        var console = session();

        var signedIn = console.signIn(RunningSlipway.TOKEN);

        var cookie = signedIn.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("slipway_session=")).findFirst();
        assertThat(cookie).as("a new session cookie on sign-in, %s", signedIn.headers().map()).isPresent();
        assertThat(cookie.get()).containsIgnoringCase("; HttpOnly").containsIgnoringCase("; SameSite=Lax")
                .contains("; Path=/").doesNotContain(RunningSlipway.TOKEN);
        assertThat(signedIn.headers().firstValue("Location").orElseThrow()).doesNotContain(RunningSlipway.TOKEN);
        assertThat(console.get("/").statusCode()).isEqualTo(200);
    }

    @Test
    void signedInPagesAllowOnlyTheConsolesOwnScriptsAndStyles() {
        var console = session();
        console.signIn(RunningSlipway.TOKEN);

        var page = console.get("/");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                .contains("script-src 'self'", "style-src 'self'", "frame-ancestors 'none'")
                .doesNotContain("unsafe-inline", "unsafe-eval"));
        assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(page.body()).as("inline scripts, styles and handlers, which the policy would refuse")
                .doesNotContainPattern("<script(?![^>]*\\ssrc=)[^>]*>")
                .doesNotContainPattern("\\sstyle=")
                .doesNotContainPattern("\\son[a-z]+=");
    }

    @Test
    void signingOutEndsTheSession() {
        var console = session();
        console.signIn(RunningSlipway.TOKEN);
        var page = console.get("/");

        var answer = console.postForm("/logout", Map.of("_csrf", ConsoleSession.csrfMeta(page.body())));

        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(answer.headers().firstValue("Location")).hasValue(slipway.baseUrl() + "/login?signed-out");
        assertThat(console.get("/login?signed-out").body()).contains("You are signed out.");
        var after = console.get("/");
        assertThat(after.statusCode()).isEqualTo(302);
        assertThat(after.headers().firstValue("Location")).hasValue(slipway.baseUrl() + "/login");
    }

    @Test
    void aConsolePostWithoutItsCsrfFieldIsRefused() {
        var console = session();
        console.signIn(RunningSlipway.TOKEN);

        assertThat(console.postForm("/logout", Map.of()).statusCode()).isEqualTo(403);
        assertThat(console.postForm("/logout", Map.of("_csrf", "forged")).statusCode()).isEqualTo(403);

        assertThat(console.get("/").statusCode()).as("still signed in").isEqualTo(200);
    }

    @Test
    void theRestApiTakesItsTokenAndNotTheConsolesSession() {
        var api = slipway.api();

        var withToken = api.get("/api/v1/services");
        assertThat(withToken.status()).isEqualTo(200);
        assertThat(withToken.contentType()).startsWith("application/json");

        var without = api.getWithToken("/api/v1/services", null);
        assertThat(without.status()).as("not a redirect to the sign-in form").isEqualTo(401);
        assertThat(without.contentType()).startsWith("application/problem+json");

        var console = session();
        console.signIn(RunningSlipway.TOKEN);
        HttpResponse<String> withSession = console.get("/api/v1/services");
        assertThat(withSession.statusCode()).as("a console session alone does not open the API").isEqualTo(401);
        assertThat(withSession.headers().firstValue("Location")).isEmpty();
    }

    @Test
    void theTokenNeverAppearsInAUrl() {
        try (var browser = Browser.start()) {
            browser.signIn(slipway.baseUrl(), RunningSlipway.TOKEN);

            assertThat(browser.driver().getCurrentUrl()).isEqualTo(slipway.baseUrl() + "/");
            assertThat(browser.history()).as("the tab's history").isNotEmpty()
                    .noneSatisfy(url -> assertThat(url).contains(RunningSlipway.TOKEN));
            assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Services");
            assertThat(browser.consoleErrors()).as("errors in the browser's console").isEmpty();
        }
    }

    @Test
    void chromiumRefusesAnInlineScriptOnAConsolePage() {
        try (var browser = Browser.start()) {
            browser.signIn(slipway.baseUrl(), RunningSlipway.TOKEN);
            assertThat(browser.consoleErrors()).as("errors in the browser's console").isEmpty();

            // As injected markup would: an inline script element and a style attribute put into the page.
            browser.script("const s = document.createElement('script'); s.textContent = 'window.injected = true;';"
                    + "document.body.appendChild(s); document.body.setAttribute('style', 'background: red');");

            assertThat(browser.script("return window.injected === true;")).as("the inline script ran").isEqualTo(false);
            assertThat(browser.script("return getComputedStyle(document.body).backgroundColor;"))
                    .isNotEqualTo("rgb(255, 0, 0)");
            assertThat(browser.consoleErrors()).as("what Chromium reports")
                    .anySatisfy(e -> assertThat(e).contains("Content Security Policy", "script-src 'self'"))
                    .anySatisfy(e -> assertThat(e).contains("Content Security Policy", "style-src 'self'"));
        }
    }

    @Test
    void aCommitMessageWithAScriptTagRendersAsText() {
        var api = slipway.api();
        assertThat(api.createService("xss").status()).isEqualTo(201);
        var app = AppRepository.fromExample("hello-python", work.resolve("xss"));
        app.edit("app.py", "VERSION = \"1\"", "VERSION = \"xss\"").commit(SCRIPT);
        var push = app.push(slipway.gitUrl("xss"), RunningSlipway.TOKEN);
        assertThat(push.accepted()).as(push.text()).isTrue();

        try (var browser = Browser.start()) {
            browser.signIn(slipway.baseUrl(), RunningSlipway.TOKEN);

            var message = browser.driver().findElement(By.cssSelector("tr[data-service='xss'] .message"));
            assertThat(message.getText()).isEqualTo(SCRIPT);
            // The live refresh swaps in new rows (a new tbody, without the mark) with the same text again.
            var loaded = browser.script("return window.performance.timeOrigin;");
            browser.script("document.getElementById('service-rows').dataset.before = 'refresh';");
            Awaitility.await("a live refresh of the rows").atMost(Duration.ofSeconds(10)).until(() -> browser.script(
                    "return document.getElementById('service-rows').dataset.before === undefined;").equals(true));
            assertThat(browser.script("return window.performance.timeOrigin;")).as("same page").isEqualTo(loaded);
            assertThat(browser.driver().findElement(By.cssSelector("tr[data-service='xss'] .message")).getText())
                    .isEqualTo(SCRIPT);
            assertThatThrownBy(() -> browser.driver().switchTo().alert()).as("an alert")
                    .isInstanceOf(NoAlertPresentException.class);
            assertThat(browser.script("return Array.from(document.querySelectorAll('script'))"
                    + ".filter(s => !s.src || s.textContent.includes('alert')).length;"))
                    .as("scripts in the page other than the console's own files").isEqualTo(0L);
            assertThat(browser.consoleErrors()).as("errors in the browser's console").isEmpty();
        }
    }
}
