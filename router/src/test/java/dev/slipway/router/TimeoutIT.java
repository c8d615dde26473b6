package dev.slipway.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TimeoutIT {

    private final CountDownLatch release = new CountDownLatch(1);
    private final TestBackend stuck = TestBackend.start("stuck", exchange -> {
        try {
            release.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        exchange.sendResponseHeaders(200, -1);
        exchange.close();
    });
    private final Router router = Router.start(RouterOptions.onPort(0).withRequestTimeout(Duration.ofMillis(300)));

    @AfterEach
    void stop() {
        release.countDown();
        router.close();
        stuck.close();
    }

    @Test
    void answers504WhenTheInstanceDoesNotRespondInTime() throws Exception {
        router.publish(RouteTable.of(List.of(Route.of("app.localhost", stuck.address()))));

        HttpResponse<String> response = TestClient.get(router.port(), "app.localhost");

        assertThat(response.statusCode()).isEqualTo(504);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("\"title\":\"Gateway Timeout\"")
                .contains("The instance serving host 'app.localhost' did not respond within 300 ms.");
        await().untilAsserted(() -> assertThat(router.inFlight(stuck.address())).isZero());
    }
}
