package dev.slipway.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
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
    void readsTheLimitsTimeoutsAndAccessLog() throws Exception {
        StandaloneOptions options = StandaloneOptions.parse("--state", "r.json", "--max-body-size", "10MiB",
                "--max-connections", "500", "--header-timeout", "2s", "--stream-idle-timeout=15m",
                "--client-idle-timeout", "30", "--upstream-idle-timeout", "1500ms", "--health-probe-interval", "1s",
                "--access-log", "off");

        RouterOptions router = options.router();
        assertThat(router.maxRequestBodySize()).isEqualTo(10L * 1024 * 1024);
        assertThat(router.maxConnections()).isEqualTo(500);
        assertThat(router.headerReadTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(router.streamIdleTimeout()).isEqualTo(Duration.ofMinutes(15));
        assertThat(router.clientIdleTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(router.upstreamIdleTimeout()).isEqualTo(Duration.ofMillis(1500));
        assertThat(router.healthProbeInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(options.accessLog()).isEqualTo("off");
        assertThat(options.control()).isNull();
    }

    @Test
    void readsThePerClientCapAndTheTrustedProxies() throws Exception {
        RouterOptions defaults = StandaloneOptions.parse("--state", "r.json").router();
        RouterOptions router = StandaloneOptions.parse("--state", "r.json", "--max-connections-per-client", "0",
                "--trusted-proxies=10.0.0.0/8,127.0.0.1/32,fd00::/8").router();

        assertThat(defaults.maxConnectionsPerClient()).isEqualTo(256);
        assertThat(defaults.trustedProxies()).isEqualTo(TrustedProxies.NONE);
        assertThat(router.maxConnectionsPerClient()).isZero();
        assertThat(router.trustedProxies()).isEqualTo(TrustedProxies.parse("10.0.0.0/8,127.0.0.1/32,fd00::/8"));
    }

    @Test
    void refusesABadTrustedProxyNamingIt() {
        assertThatThrownBy(() -> StandaloneOptions.parse("--state", "r.json", "--trusted-proxies", "10.0.0.0/8,10.0.0.1/8"))
                .isInstanceOf(StandaloneOptions.UsageException.class)
                .hasMessageStartingWith("--trusted-proxies: '10.0.0.1/8' is not a CIDR block");
        assertThatThrownBy(() -> StandaloneOptions.parse("--state", "r.json", "--max-connections-per-client", "-1"))
                .isInstanceOf(StandaloneOptions.UsageException.class)
                .hasMessageContaining("--max-connections-per-client must be a whole number from 0");
    }

    @Test
    void defaultsToAnAccessLogOnStandardOutputAndNoControlPort() throws Exception {
        StandaloneOptions options = StandaloneOptions.parse(Map.of(), "--state", "r.json");

        assertThat(options.accessLog()).isEqualTo("-");
        assertThat(options.control()).isNull();
        assertThat(options.router().maxRequestBodySize()).isEqualTo(RouterOptions.DEFAULT_MAX_REQUEST_BODY_SIZE);
    }

    @Test
    void takesTheControlTokenFromTheEnvironmentUnlessGivenOnTheCommandLine() throws Exception {
        StandaloneOptions fromEnvironment = StandaloneOptions.parse(Map.of("SLIPWAY_ROUTER_TOKEN", "env-token"),
                "--state", "r.json", "--control-port", "8001");
        StandaloneOptions fromFlag = StandaloneOptions.parse(Map.of("SLIPWAY_ROUTER_TOKEN", "env-token"),
                "--state", "r.json", "--control-port", "8001", "--control-token", "flag-token", "--control-bind", "0.0.0.0");

        assertThat(fromEnvironment.control().token()).isEqualTo("env-token");
        assertThat(fromEnvironment.control().port()).isEqualTo(8001);
        assertThat(fromEnvironment.control().bind()).isEqualTo(InetAddress.getByName("127.0.0.1"));
        assertThat(fromFlag.control().token()).isEqualTo("flag-token");
        assertThat(fromFlag.control().bind()).isEqualTo(InetAddress.getByName("0.0.0.0"));
    }

    @Test
    void refusesAControlPortWithoutAToken() {
        assertThatThrownBy(() -> StandaloneOptions.parse(Map.of(), "--state", "r.json", "--control-port", "8001"))
                .isInstanceOf(StandaloneOptions.UsageException.class)
                .hasMessage("--control-port needs a token: give --control-token TOKEN or set SLIPWAY_ROUTER_TOKEN");
        assertThatThrownBy(() -> StandaloneOptions.parse(Map.of("SLIPWAY_ROUTER_TOKEN", " "), "--state", "r.json",
                "--control-port", "8001")).isInstanceOf(StandaloneOptions.UsageException.class);
    }

    @Test
    void rejectsMalformedDurationsAndSizes() {
        assertThatThrownBy(() -> StandaloneOptions.parse("--state", "r.json", "--header-timeout", "soon"))
                .hasMessageStartingWith("--header-timeout must be a positive duration");
        assertThatThrownBy(() -> StandaloneOptions.parse("--state", "r.json", "--max-body-size", "10MB"))
                .hasMessageStartingWith("--max-body-size must be a size");
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
