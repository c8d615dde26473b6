package dev.slipway.platform.runtime.choice;

import dev.slipway.build.network.CompanyNetwork;
import dev.slipway.platform.system.HostEnvironment;
import dev.slipway.platform.system.SlipwayProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Reads the company network settings once at startup: {@code SLIPWAY_EXTRA_CA_CERTS} is checked
 * and its trust files written under {@code $SLIPWAY_HOME/trust} (a file that is missing or holds
 * no certificate stops Slipway, naming it), and the proxy and package mirror variables are taken
 * from Slipway's environment. Builders and runtimes get the result.
 */
@Configuration(proxyBeanMethods = false)
class CompanyNetworkConfiguration {

    private static final Logger log = LoggerFactory.getLogger(CompanyNetworkConfiguration.class);

    @Bean
    CompanyNetwork companyNetwork(SlipwayProperties properties, ObjectProvider<HostEnvironment> environment) {
        var network = CompanyNetwork.of(properties.extraCaCertsFile(), properties.trustDirectory(),
                environment.getIfAvailable(HostEnvironment::system).variables(), properties.appProxy());
        network.describe().forEach(line -> log.info("Company network: {}", line));
        return network;
    }
}
