package dev.slipway.platform.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.platform.support.AppRepository;
import dev.slipway.platform.support.Browser;
import dev.slipway.platform.support.RunningSlipway;
import dev.slipway.platform.support.SteadyLoad;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * A user's way through the console in Chromium: create a service with the form, push two versions, roll back to the
 * first from the deployments tab and see it served, look at its metrics, validate a broken {@code apprunner.yaml},
 * and delete the service after typing its name. Saves the metrics screenshot for the documentation.
 */
class ConsoleJourneyBrowserIT {

    private static final Duration DEPLOY_TIMEOUT = Duration.ofMinutes(3);
    private static final int PHONE_WIDTH = 375;
    private static final int PHONE_HEIGHT = 812;

    @TempDir
    Path home;

    @TempDir
    Path work;

    @Test
    void createPushRollBackWatchValidateAndDelete() throws Exception {
        try (var slipway = RunningSlipway.start(home, "process", Map.of("slipway.metrics.sample-interval", "1s"));
             var browser = Browser.start()) {
            browser.signIn(slipway.baseUrl(), RunningSlipway.TOKEN);
            var driver = browser.driver();

            driver.findElement(By.linkText("Create service")).click();
            driver.findElement(By.id("name")).sendKeys("journey");
            driver.findElement(By.id("source-type-git-push")).click();
            driver.findElement(By.cssSelector("main form button[type=submit]")).click();
            Awaitility.await("the new service's page").atMost(Duration.ofSeconds(30))
                    .until(() -> driver.getCurrentUrl().endsWith("/services/journey/deployments"));
            assertThat(driver.findElement(By.id("push-remote")).getText())
                    .isEqualTo("git remote add slipway " + slipway.gitUrl("journey"));

            var app = AppRepository.fromExample("hello-python", work);
            app.commit("Version 1");
            assertThat(app.push(slipway.gitUrl("journey"), RunningSlipway.TOKEN).accepted()).isTrue();
            app.edit("app.py", "VERSION = \"1\"", "VERSION = \"2\"").commit("Version 2");
            assertThat(app.push(slipway.gitUrl("journey"), RunningSlipway.TOKEN).accepted()).isTrue();
            assertThat(slipway.service("journey").get().body()).isEqualTo("Hello from Slipway! (version 2)\n");

            Awaitility.await("both deployments listed").atMost(Duration.ofSeconds(30))
                    .until(() -> driver.findElements(By.cssSelector("#deployment-rows tr[data-deployment]")).size() == 2);
            rollBackButton(browser, 1).click();
            Awaitility.await("the notice").atMost(Duration.ofSeconds(30)).until(() -> !driver
                    .findElements(By.cssSelector("main .notice")).isEmpty());
            assertThat(driver.findElement(By.cssSelector("main .notice")).getText()).startsWith("Rolling back to deployment");
            Awaitility.await("version 1 served again").atMost(DEPLOY_TIMEOUT)
                    .until(() -> slipway.service("journey").get().body().equals("Hello from Slipway! (version 1)\n"));
            Awaitility.await("the rollback's outcome in the page").atMost(Duration.ofSeconds(30)).until(() -> driver
                    .findElement(By.cssSelector("#deployment-rows tr:first-child .status")).getText()
                    .equals("ROLLBACK_SUCCEEDED"));

            try (var load = SteadyLoad.on(slipway.service("journey"))) {
                // Long enough for a few samples, so the charts draw lines.
                Awaitility.await("traffic").atMost(Duration.ofSeconds(60)).until(() -> load.succeeded() >= 3_000);
                driver.findElement(By.linkText("Metrics")).click();
                Awaitility.await("requests in the metrics").atMost(Duration.ofSeconds(60)).until(() -> {
                    driver.navigate().refresh();
                    return !driver.findElement(By.id("chart-requests-summary")).getText().contains(" 0 requests/s")
                            && driver.findElements(By.cssSelector("#metrics .uplot")).size() == 4;
                });
            }
            browser.screenshot(Browser.docsScreenshot("metrics.png"));

            browser.open(slipway.baseUrl() + "/services/journey/logs");
            // The app logs each request it answered on stderr; the tab starts with the last 200 lines.
            Awaitility.await("the app's output in the logs tab").atMost(Duration.ofSeconds(30)).until(() -> driver
                    .findElements(By.cssSelector("#log-lines li.stderr")).stream()
                    .anyMatch(line -> line.getText().contains("\"GET / HTTP/1.1\" 200")));
            browser.open(slipway.baseUrl() + "/services/journey/instances");
            // The rolled-back instance serves; the replaced ones are listed as stopped.
            assertThat(driver.findElements(By.cssSelector("#instance-rows tr[data-instance] .status")).stream()
                    .map(WebElement::getText)).contains("HEALTHY", "STOPPED");
            browser.open(slipway.baseUrl() + "/services/journey/events");
            assertThat(driver.findElements(By.cssSelector("#event-rows .kind")).stream().map(WebElement::getText))
                    .contains("deployment.succeeded", "instance.started");

            for (var page : new String[] {"deployments", "logs", "instances", "events", "metrics", "configuration",
                    "settings"}) {
                browser.open(slipway.baseUrl() + "/services/journey/" + page);
                assertNoSidewaysScrollingOnAPhone(browser, page);
            }

            driver.findElement(By.linkText("Validate")).click();
            driver.findElement(By.id("content")).sendKeys("version: 1.0\nruntime: python3\nrun:\n  network:\n    port: eighty\n");
            driver.findElement(By.cssSelector("main form button[type=submit]")).click();
            Awaitility.await("the problems").atMost(Duration.ofSeconds(30))
                    .until(() -> !driver.findElements(By.cssSelector(".yaml-problem")).isEmpty());
            var positions = driver.findElements(By.cssSelector(".yaml-problem .yaml-position")).stream()
                    .map(WebElement::getText).toList();
            assertThat(positions).as("problems located at line:column").anySatisfy(p -> assertThat(p).matches(".*5:\\d+"));
            assertThat(driver.findElement(By.id("L5")).getAttribute("class")).contains("sev-");

            browser.open(slipway.baseUrl() + "/services/journey/settings");
            driver.findElement(By.id("confirm")).sendKeys("journe");
            driver.findElement(By.cssSelector("button.danger")).click();
            Awaitility.await("the refusal at the field").atMost(Duration.ofSeconds(30)).until(() -> !driver
                    .findElements(By.cssSelector("main .field-error")).isEmpty());
            assertThat(driver.findElement(By.cssSelector("main .field-error")).getText()).contains("journey");
            assertThat(slipway.api().get("/api/v1/services/journey").status()).as("after a wrong name").isEqualTo(200);
            driver.findElement(By.id("confirm")).clear();
            driver.findElement(By.id("confirm")).sendKeys("journey");
            driver.findElement(By.cssSelector("button.danger")).click();
            Awaitility.await("back on the overview").atMost(Duration.ofSeconds(60))
                    .until(() -> driver.getCurrentUrl().equals(slipway.baseUrl() + "/"));
            assertThat(driver.findElement(By.cssSelector("main .notice")).getText()).contains("journey");
            assertThat(driver.findElements(By.cssSelector("tr[data-service='journey']"))).isEmpty();
            assertThat(slipway.api().get("/api/v1/services/journey").status()).isEqualTo(404);
            // The refused confirmation answers 400, which Chromium logs; nothing else may be logged.
            assertThat(browser.consoleErrors()).as("errors in the browser's console")
                    .allSatisfy(e -> assertThat(e).contains("/services/journey/settings/delete").contains("400"));
        }
    }

    private static void assertNoSidewaysScrollingOnAPhone(Browser browser, String page) {
        browser.resize(PHONE_WIDTH, PHONE_HEIGHT);
        try {
            assertThat((Long) browser.script("return document.documentElement.scrollWidth;"))
                    .as("the %s tab's width at %d px", page, PHONE_WIDTH).isLessThanOrEqualTo(PHONE_WIDTH);
        } finally {
            browser.resize(Browser.WIDTH, Browser.HEIGHT);
        }
    }

    private static WebElement rollBackButton(Browser browser, int deployment) {
        return browser.driver().findElement(By.cssSelector(
                "button[aria-label='Roll back to deployment " + deployment + "']"));
    }
}
