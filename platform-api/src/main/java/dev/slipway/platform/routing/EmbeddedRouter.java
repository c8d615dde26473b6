package dev.slipway.platform.routing;

import dev.slipway.platform.system.SlipwayProperties;
import dev.slipway.router.RouteTable;
import dev.slipway.router.Router;
import dev.slipway.router.RouterOptions;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/** The router running inside Slipway's own process, on {@code SLIPWAY_ROUTER_PORT}. */
@Component
class EmbeddedRouter implements RouteTablePublisher, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedRouter.class);

    private final Router router;

    EmbeddedRouter(SlipwayProperties properties, MeterRegistry metrics) throws UnknownHostException {
        var settings = properties.router();
        this.router = Router.start(RouterOptions.onPort(settings.port())
                .withBindAddress(InetAddress.getByName(settings.bind()))
                .withMeterRegistry(metrics));
        log.info("Router listening on {}:{}, serving http://<service>.{}:{}/", settings.bind(), router.port(),
                properties.appsDomain(), router.port());
    }

    @Override
    public int port() {
        return router.port();
    }

    @Override
    public RouteTable current() {
        return router.routes();
    }

    @Override
    public String metrics() {
        return "";
    }

    @Override
    public void publish(RouteTable table) {
        router.publish(table);
    }

    @Override
    public boolean awaitDrained(String address, Duration timeout) throws InterruptedException {
        return router.awaitDrained(address, timeout);
    }

    @Override
    public void destroy() {
        close();
    }

    @Override
    public void close() {
        router.close();
    }
}
