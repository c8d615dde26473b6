package dev.slipway.platform.runtime.choice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.build.network.CompanyNetwork;
import dev.slipway.build.network.TrustMaterial;
import dev.slipway.platform.support.JdkCertificates;
import dev.slipway.platform.system.HostEnvironment;
import dev.slipway.platform.system.SlipwayProperties;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** Slipway's company network settings as it reads them at startup, from its properties and environment. */
class CompanyNetworkConfigurationTest {

    @TempDir
    Path home;

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(SlipwayProperties.class)
    static class Properties {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(Properties.class, CompanyNetworkConfiguration.class);

    @Test
    void theCaFileBecomesTrustFilesUnderTheHomeAndTheEnvironmentsProxiesAreForwarded() throws Exception {
        var pem = JdkCertificates.writeOnePem(home.resolve("company.pem"));

        runner.withPropertyValues("slipway.home=" + home, "slipway.extra-ca-certs=" + pem, "slipway.app-proxy=true")
                .withBean(HostEnvironment.class, () -> new HostEnvironment(Map.of("HTTPS_PROXY", "http://proxy:3128")))
                .run(context -> {
                    var network = context.getBean(CompanyNetwork.class);
                    assertThat(network.trustDirectory()).contains(home.resolve("trust"));
                    assertThat(home.resolve("trust").resolve(TrustMaterial.JAVA_TRUSTSTORE_FILE)).isRegularFile();
                    assertThat(network.forwarded().proxies()).containsEntry("HTTPS_PROXY", "http://proxy:3128");
                    assertThat(network.appProxy()).isTrue();
                });
    }

    @Test
    void withoutSettingsNothingIsTrustedOrWritten() {
        runner.withPropertyValues("slipway.home=" + home)
                .withBean(HostEnvironment.class, () -> new HostEnvironment(Map.of("PATH", "/bin")))
                .run(context -> {
                    assertThat(context.getBean(CompanyNetwork.class)).isEqualTo(CompanyNetwork.NONE);
                    assertThat(home.resolve("trust")).doesNotExist();
                });
    }

    @Test
    void aMissingCaFileStopsSlipwayNamingIt() {
        var missing = home.resolve("nowhere.pem");

        runner.withPropertyValues("slipway.home=" + home, "slipway.extra-ca-certs=" + missing).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessage("SLIPWAY_EXTRA_CA_CERTS names " + missing
                    + ", which does not exist; set it to a PEM file holding the CA certificates to trust, or unset it");
        });
    }
}
