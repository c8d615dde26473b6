package dev.slipway.platform.metrics;

import com.sun.net.httpserver.HttpServer;
import dev.slipway.router.Route;
import dev.slipway.router.RouteTable;
import dev.slipway.router.Router;
import dev.slipway.router.RouterOptions;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/**
 * A real router in the test's JVM, recording into a Prometheus registry as Slipway's embedded router does, in
 * front of one app that answers {@code /missing} with 404, {@code /fail} with 500 and anything else with 200.
 */
final class ScrapedRouter implements AutoCloseable {

    private final HttpServer app;
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Router router;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /** Routes {@code <service>.localhost} to the app, with its meters tagged {@code service}. */
    ScrapedRouter(String... services) {
        try {
            app = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        app.createContext("/", exchange -> {
            var path = exchange.getRequestURI().getPath();
            int status = path.equals("/missing") ? 404 : path.equals("/fail") ? 500 : 200;
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        app.start();
        router = Router.start(RouterOptions.onPort(0).withBindAddress(InetAddress.getLoopbackAddress())
                .withMeterRegistry(registry));
        var address = "127.0.0.1:" + app.getAddress().getPort();
        router.publish(RouteTable.of(List.of(services).stream()
                .map(s -> Route.of(s + ".localhost", address).withService(s)).toList()));
    }

    /** A GET of {@code path} on the service through the router; its status. */
    int get(String service, String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + router.port() + path))
                    .header("Host", service + ".localhost").timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The router's metrics as Slipway reads them. */
    String scrape() {
        return registry.scrape();
    }

    @Override
    public void close() {
        router.close();
        registry.close();
        app.stop(0);
    }
}
