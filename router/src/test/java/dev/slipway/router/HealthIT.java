package dev.slipway.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Passive health: a target that refuses a connection is skipped until a probe connects again. */
class HealthIT {

    private final TestBackend live = TestBackend.start("live");
    private final Router router = Router.start(RouterOptions.onPort(0).withEventLoops(1)
            .withHealthProbeInterval(Duration.ofMillis(200)));
    private TestBackend revived;

    @AfterEach
    void stop() {
        router.close();
        live.close();
        if (revived != null) {
            revived.close();
        }
    }

    @Test
    void skipsAnUnreachableTargetUntilAProbeFindsItBack() throws Exception {
        String dead = FailoverIT.closedPortAddress();
        router.publish(RouteTable.of(List.of(new Route("app.localhost", List.of(Target.of(dead), Target.of(live.address()))))));

        for (int i = 0; i < 6; i++) {
            assertThat(TestClient.get(router.port(), "app.localhost").body()).isEqualTo("live");
        }
        assertThat(live.requests()).isEqualTo(6);

        revived = TestBackend.startOnPort("revived", Integer.parseInt(dead.substring(dead.indexOf(':') + 1)));

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(TestClient.get(router.port(), "app.localhost").body()).isEqualTo("revived"));
    }

    @Test
    void answers503WithRetryAfterWhileTheOnlyTargetIsUnhealthy() throws Exception {
        String dead = FailoverIT.closedPortAddress();
        router.publish(RouteTable.of(List.of(Route.of("app.localhost", dead))));

        HttpResponse<String> failed = TestClient.get(router.port(), "app.localhost");
        HttpResponse<String> unavailable = TestClient.get(router.port(), "app.localhost");

        assertThat(failed.statusCode()).isEqualTo(502);
        assertThat(unavailable.statusCode()).isEqualTo(503);
        assertThat(unavailable.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(unavailable.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(unavailable.body()).contains("No instance of the service at host 'app.localhost' is healthy right now.");

        revived = TestBackend.startOnPort("revived", Integer.parseInt(dead.substring(dead.indexOf(':') + 1)));

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(TestClient.get(router.port(), "app.localhost").body()).isEqualTo("revived"));
        assertThat(router.inFlight(dead)).isZero();
    }
}
