package dev.slipway.platform.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.platform.support.AppRepository;
import dev.slipway.platform.support.Browser;
import dev.slipway.platform.support.RunningSlipway;
import java.nio.file.Path;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;

/**
 * The services overview in Chromium, left open while a service is created and pushed: its row appears and reaches
 * {@code RUNNING} without a reload, its URL opens the app. Saves the overview's screenshots for the documentation,
 * at a desktop's width and a phone's.
 */
class OverviewBrowserIT {

    private static final Duration DEPLOY_TIMEOUT = Duration.ofMinutes(3);
    private static final int PHONE_WIDTH = 375;
    private static final int PHONE_HEIGHT = 812;

    @TempDir
    Path home;

    @TempDir
    Path work;

    @Test
    void aPushedServiceAppearsAndRunsWithoutAReload() {
        try (var slipway = RunningSlipway.start(home, "process"); var browser = Browser.start()) {
            browser.signIn(slipway.baseUrl(), RunningSlipway.TOKEN);
            assertThat(browser.driver().findElement(By.cssSelector("#service-rows .empty")).getText())
                    .startsWith("No services yet.");
            var loaded = browser.script("return window.performance.timeOrigin;");
            browser.script("window.slipwayTestMark = 'still the same page';");

            var api = slipway.api();
            assertThat(api.createService("hello").status()).isEqualTo(201);
            Awaitility.await("the new row").atMost(Duration.ofSeconds(30)).until(() -> cell("hello", "th", browser)
                    .equals("hello"));
            var app = AppRepository.fromExample("hello-python", work);
            var commit = app.commit("Serve hello from Slipway");
            var push = app.push(slipway.gitUrl("hello"), RunningSlipway.TOKEN);
            assertThat(push.accepted()).as(push.text()).isTrue();

            Awaitility.await("hello RUNNING on the overview").atMost(DEPLOY_TIMEOUT)
                    .until(() -> cell("hello", ".status", browser).equals("RUNNING"));
            Awaitility.await("the deployment's outcome on the overview").atMost(Duration.ofSeconds(30))
                    .until(() -> cell("hello", ".instances", browser).equals("1/1"));
            assertThat(browser.script("return window.slipwayTestMark;")).as("no reload")
                    .isEqualTo("still the same page");
            assertThat(browser.script("return window.performance.timeOrigin;")).as("no reload").isEqualTo(loaded);
            assertThat(cell("hello", ".deployment-status", browser)).isEqualTo("SUCCEEDED");
            assertThat(cell("hello", "code", browser)).isEqualTo(commit.substring(0, 7));
            assertThat(cell("hello", ".message", browser)).isEqualTo("Serve hello from Slipway");

            assertThat(browser.driver().findElement(By.cssSelector("tr[data-service='hello'] th a"))
                    .getAttribute("href")).isEqualTo(slipway.baseUrl() + "/services/hello");
            var url = api.service("hello").get("url").asString();
            var link = browser.driver().findElement(By.cssSelector("tr[data-service='hello'] a.url"));
            assertThat(link.getAttribute("href")).isEqualTo(url);
            assertThat(link.getText()).isEqualTo(url);
            assertThat(slipway.service("hello").get().body()).isEqualTo("Hello from Slipway! (version 1)\n");
            assertThat(browser.consoleErrors()).as("errors in the browser's console").isEmpty();

            browser.screenshot(Browser.docsScreenshot("overview.png"));
            browser.resize(PHONE_WIDTH, PHONE_HEIGHT);
            assertThat(browser.script("return window.innerWidth;")).isEqualTo((long) PHONE_WIDTH);
            assertThat((Long) browser.script("return document.documentElement.scrollWidth;"))
                    .as("the page's width at %d px: no horizontal scrolling", PHONE_WIDTH)
                    .isLessThanOrEqualTo(PHONE_WIDTH);
            browser.screenshot(Browser.docsScreenshot("overview-narrow.png"));
            browser.resize(Browser.WIDTH, Browser.HEIGHT);

            // Chromium sends *.localhost to this machine, so the link opens the app through the router.
            browser.driver().findElement(By.cssSelector("tr[data-service='hello'] a.url")).click();
            Awaitility.await("the app in the browser").atMost(Duration.ofSeconds(30)).until(() -> browser.driver()
                    .findElement(By.tagName("body")).getText().equals("Hello from Slipway! (version 1)"));
            assertThat(browser.driver().getCurrentUrl()).isEqualTo(url);
        }
    }

    /** The text of a cell of the service's row; empty while the row is missing or being swapped. */
    private static String cell(String service, String selector, Browser browser) {
        try {
            return browser.driver().findElement(By.cssSelector("tr[data-service='" + service + "'] " + selector))
                    .getText().trim();
        } catch (NoSuchElementException | StaleElementReferenceException e) {
            return "";
        }
    }
}
