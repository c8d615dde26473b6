package dev.slipway.platform.routing;

import dev.slipway.platform.system.SlipwayProperties;
import java.net.UnknownHostException;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The router Slipway publishes routes to, chosen by {@code SLIPWAY_ROUTER} ({@code slipway.router.mode}). */
@Configuration(proxyBeanMethods = false)
class RoutingConfiguration {

    @Bean(destroyMethod = "close")
    RouteTablePublisher routeTablePublisher(SlipwayProperties properties) throws UnknownHostException {
        SlipwayProperties.Router settings = properties.router();
        RouteTablePublisher publisher = switch (settings.mode()) {
            case EMBEDDED -> new EmbeddedRouter(settings, properties.routerDirectory());
            case PROCESS -> RouterProcess.supervised(settings, properties.routerDirectory(), System.getenv());
            case EXTERNAL -> RouterProcess.external(settings, properties.routerDirectory(), System.getenv());
        };
        LoggerFactory.getLogger(RoutingConfiguration.class).info("Apps are served at http://<service>.{}:{}/",
                properties.appsDomain(), publisher.port());
        return publisher;
    }
}
