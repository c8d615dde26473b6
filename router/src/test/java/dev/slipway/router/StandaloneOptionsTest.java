package dev.slipway.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class StandaloneOptionsTest {

    @Test
    void appliesDefaultsWhenOnlyTheStateFileIsGiven() throws Exception {
        StandaloneOptions options = StandaloneOptions.parse("--state", "routes.json");

        assertThat(options.stateFile()).isEqualTo(Path.of("routes.json"));
        assertThat(options.router().port()).isEqualTo(8000);
        assertThat(options.router().bindAddress()).isEqualTo(InetAddress.getByName("127.0.0.1"));
        assertThat(options.router().requestTimeout()).isEqualTo(RouterOptions.DEFAULT_REQUEST_TIMEOUT);
    }

    @Test
    void readsEveryOptionInBothSpellings() throws Exception {
        StandaloneOptions options = StandaloneOptions.parse("--port=9000", "--state", "/srv/routes.json",
                "--bind", "0.0.0.0", "--request-timeout", "30", "--connect-timeout=2", "--event-loops", "3");

        assertThat(options.router().port()).isEqualTo(9000);
        assertThat(options.router().bindAddress()).isEqualTo(InetAddress.getByName("0.0.0.0"));
        assertThat(options.router().requestTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(options.router().connectTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(options.router().eventLoops()).isEqualTo(3);
        assertThat(options.stateFile()).isEqualTo(Path.of("/srv/routes.json"));
    }

    @Test
    void rejectsAPortOutOfRange() {
        assertThatThrownBy(() -> StandaloneOptions.parse("--state", "r.json", "--port", "70000"))
                .isInstanceOf(StandaloneOptions.UsageException.class)
                .hasMessage("--port must be a whole number from 0 to 65535, got '70000'");
    }

    @Test
    void rejectsAnOptionWithoutItsValue() {
        assertThatThrownBy(() -> StandaloneOptions.parse("--state"))
                .isInstanceOf(StandaloneOptions.UsageException.class)
                .hasMessage("--state needs a value");
    }
}
