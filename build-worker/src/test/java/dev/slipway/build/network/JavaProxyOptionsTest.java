package dev.slipway.build.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class JavaProxyOptionsTest {

    @Test
    void bothProxiesBecomeHostAndPortProperties() {
        assertThat(JavaProxyOptions.of(Optional.of("http://proxy.corp:3128/"), Optional.of("https://secure.corp"),
                Optional.empty())).contains("-Dhttp.proxyHost=proxy.corp -Dhttp.proxyPort=3128"
                        + " -Dhttps.proxyHost=secure.corp -Dhttps.proxyPort=443");
    }

    @Test
    void aProxyWithoutSchemeIsHttpAndALoginIsNotPassedOn() {
        assertThat(JavaProxyOptions.of(Optional.empty(), Optional.of("user:secret@10.1.2.3:8080"), Optional.empty()))
                .contains("-Dhttps.proxyHost=10.1.2.3 -Dhttps.proxyPort=8080");
        assertThat(JavaProxyOptions.of(Optional.of("proxy.corp"), Optional.empty(), Optional.empty()))
                .contains("-Dhttp.proxyHost=proxy.corp -Dhttp.proxyPort=80");
    }

    @Test
    void noProxyBecomesJavaPatternsKeepingJavasLoopbackDefaults() {
        assertThat(JavaProxyOptions.nonProxyHosts(".corp.example, internal:8443,10.0.0.0/8,*.svc,192.168.1.5 [::2]"))
                .isEqualTo("corp.example|*.corp.example|internal|*.internal|svc|*.svc|192.168.1.5|[::2]"
                        + "|localhost|127.*|[::1]");
        assertThat(JavaProxyOptions.nonProxyHosts("*")).isEqualTo("*|localhost|127.*|[::1]");
    }

    @Test
    void noProxyAloneOrAnUnreadableProxyGivesNoOptions() {
        assertThat(JavaProxyOptions.of(Optional.empty(), Optional.empty(), Optional.of("localhost"))).isEmpty();
        assertThat(JavaProxyOptions.of(Optional.of("http://"), Optional.empty(), Optional.empty())).isEmpty();
    }
}
