package dev.slipway.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** One event loop, so every request draws from the same upstream pool. */
class StaleConnectionIT {

    private final Router router = Router.start(RouterOptions.onPort(0).withEventLoops(1));

    @AfterEach
    void stop() {
        router.close();
    }

    @ParameterizedTest(name = "connection reset: {0}")
    @ValueSource(booleans = {true, false})
    void retriesAGetOnANewConnectionWhenThePooledOneDiesWithItsReplacedInstance(boolean reset) throws Exception {
        try (DyingBackend dying = new DyingBackend(reset, port -> TestBackend.startOnPort("new", port))) {
            router.publish(RouteTable.of(List.of(Route.of("app.localhost", dying.address()))));
            assertThat(TestClient.get(router.port(), "app.localhost").body()).isEqualTo("old");

            HttpResponse<String> retried = TestClient.get(router.port(), "app.localhost");

            assertThat(retried.statusCode()).isEqualTo(200);
            assertThat(retried.body()).isEqualTo("new");
            assertThat(dying.replacement().requests()).isEqualTo(1);
            await().untilAsserted(() -> assertThat(router.inFlight(dying.address())).isZero());
        }
    }

    @Test
    void doesNotRetryAPostWhenThePooledConnectionDies() throws Exception {
        try (DyingBackend dying = new DyingBackend(true, port -> TestBackend.startOnPort("new", port))) {
            router.publish(RouteTable.of(List.of(Route.of("app.localhost", dying.address()))));
            assertThat(TestClient.get(router.port(), "app.localhost").body()).isEqualTo("old");

            HttpResponse<String> failed = TestClient.HTTP.send(TestClient.request(router.port(), "app.localhost", "/")
                    .POST(HttpRequest.BodyPublishers.ofString("order=1")).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(failed.statusCode()).isEqualTo(502);
            assertThat(failed.body()).contains("closed the connection before responding");
            assertThat(dying.replacement().requests()).isZero();
        }
    }
}
