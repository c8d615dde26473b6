package dev.slipway.build;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.GeneralSecurityException;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An HTTPS server on one address presenting a certificate of a test CA, serving fixed files: a
 * company's internal package host, as far as build commands can tell.
 */
public final class TestHttpsServer implements AutoCloseable {

    private final HttpsServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();

    private TestHttpsServer(HttpsServer server) {
        this.server = server;
    }

    /** Serves each path's bytes on a free port of {@code address}, with a certificate for that address. */
    public static TestHttpsServer start(InetAddress address, TestCertificates ca, Map<String, byte[]> files)
            throws IOException, GeneralSecurityException {
        var server = HttpsServer.create(new InetSocketAddress(address, 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(ca.serverContext(address)));
        server.createContext("/", exchange -> {
            try (exchange) {
                var body = files.get(exchange.getRequestURI().getPath());
                if (body == null) {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
        });
        var started = new TestHttpsServer(server);
        server.setExecutor(started.executor);
        server.start();
        return started;
    }

    /** {@code https://<address>:<port><path>} */
    public String url(String path) {
        var address = server.getAddress();
        return "https://" + address.getAddress().getHostAddress() + ":" + address.getPort() + path;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
