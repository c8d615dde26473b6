package dev.slipway.platform.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.slipway.platform.support.RunningSlipway;
import dev.slipway.router.Route;
import dev.slipway.router.RouteTable;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Slipway with SLIPWAY_ROUTER=process, as {@code make run} starts it: the router outlives Slipway. */
class SlipwayRouterProcessIT {

    private static final Map<String, String> PROCESS_ROUTER = Map.of("slipway.router.mode", "process");

    @TempDir
    Path home;

    private final TestBackend backend = TestBackend.named("blue");
    private ProcessHandle router;

    @AfterEach
    void stopTheRouter() {
        backend.close();
        if (router != null) {
            router.destroyForcibly();
            router.onExit().join();
        }
    }

    @Test
    void theRouterServesWhileSlipwayIsStoppedAndTheNextSlipwayAdoptsIt() throws Exception {
        int port;
        try (RunningSlipway slipway = RunningSlipway.start(home, "process", PROCESS_ROUTER)) {
            RouterProcess publisher = (RouterProcess) slipway.bean(RouteTablePublisher.class);
            router = publisher.process();
            port = publisher.port();
            publisher.publish(RouteTable.of(List.of(Route.of("hello.localhost", backend.address()).withService("hello"))));
            assertThat(AppClient.attempt(port, "hello.localhost")).isEqualTo("200 blue");
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(slipway.api().get("/api/v1/metrics").body())
                    .as("Slipway's metrics, with the router's").contains("slipway_router_requests_total{service=\"hello\"} 1"));
        }

        assertThat(AppClient.attempt(port, "hello.localhost")).as("with Slipway stopped").isEqualTo("200 blue");

        try (RunningSlipway slipway = RunningSlipway.start(home, "process", PROCESS_ROUTER)) {
            RouterProcess publisher = (RouterProcess) slipway.bean(RouteTablePublisher.class);
            assertThat(publisher.process().pid()).isEqualTo(router.pid());
            assertThat(slipway.routerPort()).isEqualTo(port);
        }
    }
}
