package dev.slipway.router;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The router's own error responses, as problem+json for programs and as HTML for browsers. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ErrorPagesIT {

    private static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    private final CountDownLatch release = new CountDownLatch(1);
    private TestBackend stuck;
    private HangUpBackend hangUp;
    private Router router;

    @BeforeAll
    void start() throws Exception {
        stuck = TestBackend.start("stuck", exchange -> {
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        hangUp = new HangUpBackend();
        router = Router.start(RouterOptions.onPort(0).withRequestTimeout(Duration.ofMillis(200)));
        router.publish(RouteTable.of(List.of(
                Route.of("gone.localhost", hangUp.address()),
                new Route("paused.localhost", List.of()),
                Route.of("stuck.localhost", stuck.address()))));
    }

    @AfterAll
    void stop() throws Exception {
        release.countDown();
        router.close();
        stuck.close();
        hangUp.close();
    }

    @ParameterizedTest(name = "{0} for {1}")
    @CsvSource({
            "404, nobody.localhost, Not Found, No service is routed at host 'nobody.localhost'.",
            "502, gone.localhost, Bad Gateway, The instance serving host 'gone.localhost' closed the connection before responding.",
            "503, paused.localhost, Service Unavailable, The service at host 'paused.localhost' has no instance taking requests.",
            "504, stuck.localhost, Gateway Timeout, The instance serving host 'stuck.localhost' did not respond within 200 ms."})
    void answersProgramsWithProblemJson(int status, String host, String title, String detail) throws Exception {
        HttpResponse<String> response = TestClient.HTTP.send(TestClient.request(router.port(), host, "/")
                .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        JsonNode problem = JsonMapper.shared().readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("title").asString()).isEqualTo(title);
        assertThat(problem.get("detail").asString()).isEqualTo(detail);
        assertThat(response.headers().firstValue("X-Request-Id")).isPresent();
    }

    @ParameterizedTest(name = "{0} for {1}")
    @CsvSource({
            "404, nobody.localhost, Not Found",
            "502, gone.localhost, Bad Gateway",
            "503, paused.localhost, Service Unavailable",
            "504, stuck.localhost, Gateway Timeout"})
    void answersBrowsersWithAnHtmlPage(int status, String host, String title) throws Exception {
        HttpResponse<String> response = TestClient.HTTP.send(TestClient.request(router.port(), host, "/")
                .header("Accept", BROWSER_ACCEPT).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(response.body()).contains("<title>" + status + " " + title + "</title>")
                .contains(host)
                .contains(response.headers().firstValue("X-Request-Id").orElseThrow());
        if (status == 503) {
            assertThat(response.headers().firstValue("Retry-After")).isPresent();
        }
    }
}
