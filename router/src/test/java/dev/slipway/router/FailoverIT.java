package dev.slipway.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FailoverIT {

    private final TestBackend live = TestBackend.start("live");
    private final Router router = Router.start(RouterOptions.onPort(0));

    @AfterEach
    void stop() {
        router.close();
        live.close();
    }

    @Test
    void answers502WhenTheOnlyTargetRefusesConnections() throws Exception {
        String dead = closedPortAddress();
        router.publish(RouteTable.of(List.of(Route.of("app.localhost", dead))));

        HttpResponse<String> response = TestClient.get(router.port(), "app.localhost");

        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("\"status\":502")
                .contains("No instance of the service at host 'app.localhost' could be reached.");
        await().untilAsserted(() -> assertThat(router.inFlight(dead)).isZero());
    }

    @Test
    void failsOverToALiveTargetWhenAnotherTargetIsDead() throws Exception {
        String dead = closedPortAddress();
        router.publish(RouteTable.of(List.of(new Route("app.localhost",
                List.of(Target.of(dead), Target.of(live.address()))))));

        for (int i = 0; i < 10; i++) {
            HttpResponse<String> response = TestClient.get(router.port(), "app.localhost");
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("live");
        }
        await().untilAsserted(() -> assertThat(router.inFlight(dead)).isZero());
        await().untilAsserted(() -> assertThat(router.inFlight(live.address())).isZero());
    }

    @Test
    void retriesAGetOnAnotherTargetWhenAFreshConnectionClosesWithoutAnswer() throws Exception {
        try (HangUpBackend hangUp = new HangUpBackend(); Router oneLoop = Router.start(RouterOptions.onPort(0).withEventLoops(1))) {
            oneLoop.publish(RouteTable.of(List.of(new Route("app.localhost",
                    List.of(Target.of(hangUp.address()), Target.of(live.address()))))));

            HttpResponse<String> response = TestClient.get(oneLoop.port(), "app.localhost");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("live");
            assertThat(hangUp.connections()).isEqualTo(1);
            await().untilAsserted(() -> assertThat(oneLoop.inFlight(hangUp.address())).isZero());
        }
    }

    @Test
    void doesNotRetryAPostThatWasSentWhenTheConnectionClosesWithoutAnswer() throws Exception {
        try (HangUpBackend hangUp = new HangUpBackend(); Router oneLoop = Router.start(RouterOptions.onPort(0).withEventLoops(1))) {
            oneLoop.publish(RouteTable.of(List.of(new Route("app.localhost",
                    List.of(Target.of(hangUp.address()), Target.of(live.address()))))));

            HttpResponse<String> response = TestClient.HTTP.send(TestClient.request(oneLoop.port(), "app.localhost", "/")
                    .POST(HttpRequest.BodyPublishers.ofString("charge=1")).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(502);
            assertThat(response.body()).contains("closed the connection before responding");
            assertThat(live.requests()).isZero();
        }
    }

    /** An address nothing listens on: a port that was just free. */
    static String closedPortAddress() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return "127.0.0.1:" + socket.getLocalPort();
        }
    }
}
