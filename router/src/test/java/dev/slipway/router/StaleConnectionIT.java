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
        try (DyingBackend<TestBackend> dying = new DyingBackend<>(reset, port -> TestBackend.startOnPort("new", port))) {
            router.publish(RouteTable.of(List.of(Route.of("app.localhost", dying.address()))));
            assertThat(TestClient.get(router.port(), "app.localhost").body()).isEqualTo("old");

            HttpResponse<String> retried = TestClient.get(router.port(), "app.localhost");

            assertThat(retried.statusCode()).isEqualTo(200);
            assertThat(retried.body()).isEqualTo("new");
            assertThat(dying.replacement().requests()).isEqualTo(1);
            await().untilAsserted(() -> assertThat(router.inFlight(dying.address())).isZero());
        }
    }

    /**
     * A killed instance: its pooled connection dies, and a new connection is taken by the kernel and then dropped
     * as the process goes down. The request is not lost while another instance serves.
     */
    @Test
    void retriesAGetOnAnotherInstanceWhenANewConnectionToTheDyingOneClosesToo() throws Exception {
        try (TestBackend live = TestBackend.start("live");
             DyingBackend<HangUpBackend> dying = new DyingBackend<>(true, HangUpBackend::onPort)) {
            router.publish(RouteTable.of(List.of(Route.of("app.localhost", dying.address()))));
            assertThat(TestClient.get(router.port(), "app.localhost").body()).isEqualTo("old");
            // A new table's entry starts its round robin at the first target, the instance that is about to die.
            router.publish(RouteTable.of(List.of(new Route("app.localhost",
                    List.of(Target.of(dying.address()), Target.of(live.address()))))));

            HttpResponse<String> retried = TestClient.get(router.port(), "app.localhost");

            assertThat(retried.statusCode()).as(retried.body()).isEqualTo(200);
            assertThat(retried.body()).isEqualTo("live");
            assertThat(dying.replacement().connections()).as("new connections tried on the dying instance").isEqualTo(1);
            await().untilAsserted(() -> assertThat(router.inFlight(dying.address())).isZero());
            await().untilAsserted(() -> assertThat(router.inFlight(live.address())).isZero());
        }
    }

    @Test
    void doesNotRetryAPostWhenThePooledConnectionDies() throws Exception {
        try (DyingBackend<TestBackend> dying = new DyingBackend<>(true, port -> TestBackend.startOnPort("new", port))) {
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
