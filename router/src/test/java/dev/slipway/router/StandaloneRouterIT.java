package dev.slipway.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StandaloneRouterIT {

    private static final Duration POLL = Duration.ofMillis(50);

    @TempDir
    Path directory;
    private final TestBackend first = TestBackend.start("first");
    private final TestBackend second = TestBackend.start("second");
    private StandaloneRouter standalone;

    @AfterEach
    void stop() {
        if (standalone != null) {
            standalone.close();
        }
        first.close();
        second.close();
    }

    @Test
    void servesTheRoutesOfTheStateFileAndFollowsItsEdits() throws Exception {
        Path state = directory.resolve("routes.json");
        RouteStateFile.write(state, RouteTable.of(List.of(Route.of("app.localhost", first.address()))));
        standalone = launch(state);

        assertThat(TestClient.get(standalone.port(), "app.localhost").body()).isEqualTo("first");

        RouteStateFile.write(state, RouteTable.of(List.of(Route.of("app.localhost", second.address()))));

        await().untilAsserted(() -> assertThat(TestClient.get(standalone.port(), "app.localhost").body()).isEqualTo("second"));
    }

    @Test
    void keepsTheLastGoodRoutesWhileTheStateFileIsMalformed() throws Exception {
        Path state = directory.resolve("routes.json");
        RouteStateFile.write(state, RouteTable.of(List.of(Route.of("app.localhost", first.address()))));
        standalone = launch(state);

        Files.writeString(state, "{\"routes\": [{\"host\": \"app.localhost\", \"targets\": [");

        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(TestClient.get(standalone.port(), "app.localhost").body()).isEqualTo("first"));

        Files.writeString(state, "{\"routes\": [{\"host\": \"app.localhost\", \"targets\": [{\"address\": \""
                + second.address() + "\"}]}]}");

        await().untilAsserted(() -> assertThat(TestClient.get(standalone.port(), "app.localhost").body()).isEqualTo("second"));
    }

    @Test
    void startsWithNoRoutesWhenTheStateFileIsMissingAndPicksItUpOnceWritten() throws Exception {
        Path state = directory.resolve("later/routes.json");
        standalone = launch(state);

        assertThat(TestClient.get(standalone.port(), "app.localhost").statusCode()).isEqualTo(404);

        RouteStateFile.write(state, RouteTable.of(List.of(Route.of("app.localhost", first.address()))));

        await().untilAsserted(() -> assertThat(TestClient.get(standalone.port(), "app.localhost").body()).isEqualTo("first"));
    }

    private static StandaloneRouter launch(Path state) throws StandaloneRouter.LaunchException {
        return StandaloneRouter.launch(new String[] {"--port", "0", "--state", state.toString(), "--access-log", "off"}, Map.of(), POLL);
    }
}
