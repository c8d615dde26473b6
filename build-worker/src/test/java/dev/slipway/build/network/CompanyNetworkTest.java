package dev.slipway.build.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CompanyNetworkTest {

    private static final TrustMaterial TRUST = new TrustMaterial(Path.of("/srv/slipway/trust"), 1);
    private static final String TRUST_OPTIONS = "-Djavax.net.ssl.trustStore=/opt/slipway/trust/truststore.p12"
            + " -Djavax.net.ssl.trustStorePassword=changeit -Djavax.net.ssl.trustStoreType=PKCS12";

    @Test
    void buildCommandsGetTrustProxiesInBothCasesIndexesAndJavaOptions() {
        var network = new CompanyNetwork(Optional.of(TRUST), ForwardedVariables.from(Map.of(
                "HTTPS_PROXY", "http://proxy.corp:3128", "no_proxy", ".corp.example",
                "PIP_INDEX_URL", "https://pypi.corp.example/simple", "HOME", "/root")), false);

        var env = network.buildEnvironment(TrustMaterial.CONTAINER_DIRECTORY);

        assertThat(env).containsOnly(
                entry("SSL_CERT_FILE", "/opt/slipway/trust/ca-bundle.pem"),
                entry("CURL_CA_BUNDLE", "/opt/slipway/trust/ca-bundle.pem"),
                entry("REQUESTS_CA_BUNDLE", "/opt/slipway/trust/ca-bundle.pem"),
                entry("PIP_CERT", "/opt/slipway/trust/ca-bundle.pem"),
                entry("GIT_SSL_CAINFO", "/opt/slipway/trust/ca-bundle.pem"),
                entry("NODE_EXTRA_CA_CERTS", "/opt/slipway/trust/extra-ca.pem"),
                entry("HTTPS_PROXY", "http://proxy.corp:3128"), entry("https_proxy", "http://proxy.corp:3128"),
                entry("NO_PROXY", ".corp.example"), entry("no_proxy", ".corp.example"),
                entry("PIP_INDEX_URL", "https://pypi.corp.example/simple"),
                entry("JAVA_TOOL_OPTIONS", TRUST_OPTIONS + " -Dhttps.proxyHost=proxy.corp -Dhttps.proxyPort=3128"
                        + " -Dhttp.nonProxyHosts=corp.example|*.corp.example|localhost|127.*|[::1]"));
    }

    @Test
    void appsGetTheProxiesOnlyWhenAskedAndNeverThePackageIndexes() {
        var forwarded = ForwardedVariables.from(Map.of("HTTP_PROXY", "http://proxy:8080",
                "GOPROXY", "https://go.corp"));

        var without = new CompanyNetwork(Optional.of(TRUST), forwarded, false).appEnvironment("/srv/slipway/trust");
        var with = new CompanyNetwork(Optional.empty(), forwarded, true).appEnvironment("/srv/slipway/trust");

        assertThat(without).containsEntry("SSL_CERT_FILE", "/srv/slipway/trust/ca-bundle.pem")
                .containsEntry("JAVA_TOOL_OPTIONS", TRUST_OPTIONS.replace("/opt/slipway/trust", "/srv/slipway/trust"))
                .doesNotContainKeys("HTTP_PROXY", "http_proxy", "GOPROXY");
        assertThat(with).containsOnly(entry("HTTP_PROXY", "http://proxy:8080"),
                entry("http_proxy", "http://proxy:8080"),
                entry("JAVA_TOOL_OPTIONS", "-Dhttp.proxyHost=proxy -Dhttp.proxyPort=8080"));
    }

    @Test
    void nothingSetGivesNothing() {
        var network = new CompanyNetwork(Optional.empty(), ForwardedVariables.from(Map.of("PATH", "/bin")), true);

        assertThat(network.buildEnvironment(TrustMaterial.CONTAINER_DIRECTORY)).isEmpty();
        assertThat(network.appEnvironment(TrustMaterial.CONTAINER_DIRECTORY)).isEmpty();
        assertThat(network.dockerBuildArgs()).isEmpty();
        assertThat(CompanyNetwork.NONE.trustDirectory()).isEmpty();
    }

    @Test
    void theLowerCaseProxyWinsAndBlankOnesAreUnset() {
        var forwarded = ForwardedVariables.from(Map.of("HTTP_PROXY", "http://upper:1", "http_proxy", "http://lower:2",
                "HTTPS_PROXY", " ", "NO_PROXY", ""));

        assertThat(forwarded.proxyEnvironment()).containsOnly(entry("HTTP_PROXY", "http://lower:2"),
                entry("http_proxy", "http://lower:2"));
    }

    @Test
    void anAppsJavaToolOptionsAreAppendedOtherVariablesReplaced() {
        var env = new LinkedHashMap<>(Map.of("JAVA_TOOL_OPTIONS", "-Dours=1", "SSL_CERT_FILE", "/ours"));

        CompanyNetwork.overlay(env, Map.of("JAVA_TOOL_OPTIONS", "-Xmx1g", "SSL_CERT_FILE", "/theirs", "A", "b"));

        assertThat(env).containsOnly(entry("JAVA_TOOL_OPTIONS", "-Dours=1 -Xmx1g"), entry("SSL_CERT_FILE", "/theirs"),
                entry("A", "b"));
    }

    @Test
    void passwordsInUrlsAreSecretAndMaskedInTheDescription() {
        var network = new CompanyNetwork(Optional.empty(), ForwardedVariables.from(Map.of(
                "HTTPS_PROXY", "http://alice:pa55word@proxy.corp:3128",
                "GOPROXY", "https://bob:t0ken-1@go.corp,direct")), true);

        assertThat(network.secretValues()).containsExactlyInAnyOrder("pa55word", "t0ken-1");
        assertThat(network.describe()).containsExactlyInAnyOrder(
                "builds and apps get HTTPS_PROXY=http://alice:****@proxy.corp:3128",
                "builds get GOPROXY=https://bob:****@go.corp,direct");
        assertThat(network.buildEnvironment("/t").get("JAVA_TOOL_OPTIONS"))
                .isEqualTo("-Dhttps.proxyHost=proxy.corp -Dhttps.proxyPort=3128").doesNotContain("pa55word");
        assertThat(network.dockerBuildArgs()).containsOnlyKeys("HTTPS_PROXY", "https_proxy");
    }
}
