package dev.slipway.platform;

import dev.slipway.platform.routing.ServiceRoutes;
import dev.slipway.platform.system.AdminToken;
import dev.slipway.platform.system.SlipwayProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Tells the operator, once Slipway is up, where everything is. */
@Component
class ReadyBanner {

    private static final Logger log = LoggerFactory.getLogger(ReadyBanner.class);

    private final SlipwayProperties properties;
    private final ServiceRoutes routes;
    private final Environment environment;

    ReadyBanner(SlipwayProperties properties, ServiceRoutes routes, Environment environment) {
        this.properties = properties;
        this.routes = routes;
        this.environment = environment;
    }

    @EventListener(ApplicationReadyEvent.class)
    void ready() {
        var port = environment.getProperty("local.server.port");
        var token = properties.adminToken().isBlank()
                ? properties.home().resolve(AdminToken.FILE_NAME).toString()
                : "SLIPWAY_ADMIN_TOKEN";
        var address = environment.getProperty("server.address", "");
        var reach = isLoopback(address) ? "this machine only (SLIPWAY_BIND=0.0.0.0 opens it; put TLS in front)"
                : address.isBlank() ? "every interface" : address;
        log.info("""
                Slipway is ready.
                  Console:      http://localhost:{}/ (sign in with the admin token)
                  API and git:  http://localhost:{}/api/v1  http://localhost:{}/git/<service>.git, from {}
                  Apps:         {}
                  Admin token:  {}
                  State:        {}""", port, port, port, reach, routes.url("<service>"), token, properties.home());
    }

    private static boolean isLoopback(String address) {
        return address.equals("127.0.0.1") || address.equals("::1") || address.equalsIgnoreCase("localhost");
    }
}
