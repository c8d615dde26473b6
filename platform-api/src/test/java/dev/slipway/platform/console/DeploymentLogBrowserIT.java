package dev.slipway.platform.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.platform.support.AppRepository;
import dev.slipway.platform.support.Browser;
import dev.slipway.platform.support.RunningSlipway;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;

/**
 * A deployment's log in the deployments tab, in Chromium: lines stream in while the push still runs, and a log of
 * 20,000 lines streams without freezing the page, which keeps a bounded number of them and offers all of them as a
 * download.
 */
class DeploymentLogBrowserIT {

    private static final Duration DEPLOY_TIMEOUT = Duration.ofMinutes(3);
    private static final int LINES = 20_000;

    @TempDir
    Path home;

    @TempDir
    Path work;

    @Test
    void aPushStreamsItsLogIntoTheOpenPageBeforeTheDeploymentEnds() throws Exception {
        try (var slipway = RunningSlipway.start(home, "process"); var browser = Browser.start()) {
            slipway.api().createService("hello");
            browser.signIn(slipway.baseUrl(), RunningSlipway.TOKEN);
            browser.open(slipway.baseUrl() + "/services/hello/deployments");
            assertThat(browser.driver().findElement(By.id("push-remote")).getText())
                    .isEqualTo("git remote add slipway " + slipway.gitUrl("hello"));

            // A build that prints, then waits for the test to let it finish: the page must show its lines while
            // the deployment is still running, however slowly the page comes to follow it.
            var gate = work.resolve("gate");
            var app = AppRepository.fromExample("hello-python", work.resolve("app")).edit("apprunner.yaml",
                    "      - python3 -m compileall -q .",
                    "      - python3 -m compileall -q .\n"
                            + "      - echo '<script>window.fromTheLog = 1</script>'\n"
                            + "      - for i in $(seq 1 10); do echo \"building step $i\"; done\n"
                            + "      - while [ ! -e " + gate + " ]; do sleep 0.1; done");
            app.commit("Build in steps");
            var push = CompletableFuture.supplyAsync(() -> app.push(slipway.gitUrl("hello"), RunningSlipway.TOKEN));

            Awaitility.await("a build line in the page").atMost(DEPLOY_TIMEOUT)
                    .until(() -> logText(browser).contains("building step 10"));
            assertThat(push).as("the push, still running when its log showed in the page").isNotDone();
            assertThat(logState(browser)).isEqualTo("Following the log…");
            browser.script("document.querySelector('#deployment-detail h2').scrollIntoView();");
            browser.screenshot(Browser.docsScreenshot("deployment-log.png"));
            Files.writeString(gate, "go");

            assertThat(push.get().accepted()).as(push.get().text()).isTrue();
            Awaitility.await("the log's end").atMost(Duration.ofSeconds(30))
                    .until(() -> logState(browser).equals("Deployment ended: SUCCEEDED."));
            var phases = browser.driver().findElements(By.cssSelector("#log-lines li.phase")).stream()
                    .map(e -> e.getText()).toList();
            assertThat(phases).as("phase headings in the log").contains("fetching source", "building", "starting");
            assertThat(logText(browser)).contains("building step 10")
                    .as("a log line with a script tag, shown as text").contains("<script>window.fromTheLog = 1</script>");
            assertThat(browser.script("return window.fromTheLog === undefined;")).as("the log line's script never ran")
                    .isEqualTo(true);
            assertThat(browser.driver().findElements(By.cssSelector("#log-lines script"))).isEmpty();
            assertThat(browser.consoleErrors()).as("errors in the browser's console").isEmpty();
        }
    }

    @Test
    void twentyThousandLinesStreamWithoutFreezingAndAllOfThemDownload() throws Exception {
        try (var slipway = RunningSlipway.start(home, "process"); var browser = Browser.start()) {
            slipway.api().createService("chatty");
            browser.signIn(slipway.baseUrl(), RunningSlipway.TOKEN);
            browser.open(slipway.baseUrl() + "/services/chatty/deployments");
            // Frames the page drew while the log streamed: a frozen page draws none for seconds.
            browser.script("""
                    window.slowestFrame = 0;
                    let last = performance.now();
                    (function frame(now) {
                      window.slowestFrame = Math.max(window.slowestFrame, now - last);
                      last = now;
                      requestAnimationFrame(frame);
                    })(last);""");

            var app = AppRepository.fromExample("hello-python", work).edit("apprunner.yaml",
                    "      - python3 -m compileall -q .",
                    "      - python3 -m compileall -q .\n      - seq -f 'line %g of the build' 1 " + LINES);
            app.commit("A talkative build");
            var push = app.push(slipway.gitUrl("chatty"), RunningSlipway.TOKEN);
            assertThat(push.accepted()).as(push.text()).isTrue();

            Awaitility.await("the log's end").atMost(DEPLOY_TIMEOUT)
                    .until(() -> logState(browser).startsWith("Deployment ended"));
            var lines = browser.driver().findElements(By.cssSelector("#log-lines li"));
            assertThat(lines.size()).as("lines kept in the page").isLessThanOrEqualTo(1_000);
            assertThat(logText(browser)).contains("line " + LINES + " of the build");
            assertThat(browser.driver().findElement(By.id("log-trimmed")).isDisplayed()).isTrue();
            assertThat((Double) toDouble(browser.script("return window.slowestFrame;")))
                    .as("the longest time between two frames while 20,000 lines streamed, ms").isLessThan(1_000.0);

            var link = browser.driver().findElement(By.linkText("Download the full log")).getAttribute("href");
            var log = download(link, browser.driver().manage().getCookieNamed("slipway_session"));
            var built = log.lines().filter(l -> l.endsWith(" of the build")).toList();
            assertThat(built).as("build lines in the downloaded log").hasSize(LINES);
            assertThat(built.get(LINES - 1)).endsWith("line " + LINES + " of the build");
            assertThat(browser.consoleErrors()).as("errors in the browser's console").isEmpty();
        }
    }

    private static String logText(Browser browser) {
        // Until a deployment appears, the tab has no log.
        return (String) browser.script("const log = document.getElementById('log-lines'); "
                + "return log ? log.textContent : '';");
    }

    private static String logState(Browser browser) {
        return (String) browser.script("const state = document.getElementById('log-state'); "
                + "return state ? state.textContent : '';");
    }

    private static Double toDouble(Object value) {
        return ((Number) value).doubleValue();
    }

    private static String download(String url, Cookie session) throws Exception {
        var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .header("Cookie", session.getName() + "=" + session.getValue()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Disposition")).hasValueSatisfying(
                v -> assertThat(v).startsWith("attachment"));
        return response.body();
    }
}
