package dev.slipway.platform;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Single-node Slipway: REST API and git server, build worker, container runtime and router. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SlipwayApplication {

    public static void main(String[] args) {
        SpringApplication.run(SlipwayApplication.class, args);
    }
}
