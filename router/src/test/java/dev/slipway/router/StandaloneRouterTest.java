package dev.slipway.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StandaloneRouterTest {

    @TempDir
    Path directory;

    @Test
    void exitsWithUsageWhenTheStateFileIsNotGiven() {
        StandaloneRouter.LaunchException failure = launchFailure("--port", "8000");

        assertThat(failure.exitCode()).isEqualTo(2);
        assertThat(failure.getMessage()).startsWith("error: --state FILE is required").contains("Usage: java -jar");
    }

    @Test
    void exitsWithUsageOnAnUnknownOption() {
        StandaloneRouter.LaunchException failure = launchFailure("--state", "x.json", "--prot", "8000");

        assertThat(failure.exitCode()).isEqualTo(2);
        assertThat(failure.getMessage()).startsWith("error: unknown option '--prot'").contains("Usage:");
    }

    @Test
    void refusesToStartAControlPortWithoutAToken() {
        StandaloneRouter.LaunchException failure = launchFailure("--state", "x.json", "--control-port", "0");

        assertThat(failure.exitCode()).isEqualTo(2);
        assertThat(failure.getMessage()).startsWith("error: --control-port needs a token");
    }

    @Test
    void printsHelpWithExitCodeZero() {
        StandaloneRouter.LaunchException help = launchFailure("--help");

        assertThat(help.exitCode()).isZero();
        assertThat(help.getMessage()).contains("--state FILE");
    }

    @Test
    void exitsWithTheLocationOfAProblemInTheStateFile() throws Exception {
        Path state = directory.resolve("routes.json");
        Files.writeString(state, "{\"routes\": [\n  {\"host\": \"app.localhost\", \"targets\": [{\"address\": \"nowhere\"}]}\n]}\n");

        StandaloneRouter.LaunchException failure = launchFailure("--port", "0", "--state", state.toString());

        assertThat(failure.exitCode()).isEqualTo(2);
        assertThat(failure.getMessage()).startsWith("error: " + state + ":2:")
                .contains("Target address 'nowhere' is invalid");
    }

    private static StandaloneRouter.LaunchException launchFailure(String... args) {
        return catchThrowableOfType(StandaloneRouter.LaunchException.class,
                () -> StandaloneRouter.launch(args, Map.of(), Duration.ofSeconds(1)));
    }
}
