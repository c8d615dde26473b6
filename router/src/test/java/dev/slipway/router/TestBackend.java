package dev.slipway.router;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A real HTTP instance for the router to proxy to, on the JDK's HTTP server. By default it answers every
 * request with its name as the body and in an {@code X-Backend} header. It records what it saw.
 */
final class TestBackend implements AutoCloseable {

    private final String name;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Set<InetSocketAddress> clientConnections = ConcurrentHashMap.newKeySet();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicReference<Headers> lastHeaders = new AtomicReference<>();

    private TestBackend(String name, int port, HttpHandler handler) {
        this.name = name;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor);
        server.createContext("/", exchange -> {
            clientConnections.add(exchange.getRemoteAddress());
            requests.incrementAndGet();
            lastHeaders.set(exchange.getRequestHeaders());
            exchange.getResponseHeaders().set("X-Backend", name);
            handler.handle(exchange);
        });
        server.start();
    }

    static TestBackend start(String name) {
        return new TestBackend(name, 0, TestBackend::answerWithName);
    }

    static TestBackend start(String name, HttpHandler handler) {
        return new TestBackend(name, 0, handler);
    }

    static TestBackend startOnPort(String name, int port) {
        return new TestBackend(name, port, TestBackend::answerWithName);
    }

    private static void answerWithName(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        byte[] body = exchange.getResponseHeaders().getFirst("X-Backend").getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    String name() {
        return name;
    }

    String address() {
        return "127.0.0.1:" + port();
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** Distinct TCP connections requests arrived on. */
    int connections() {
        return clientConnections.size();
    }

    int requests() {
        return requests.get();
    }

    Headers lastRequestHeaders() {
        return lastHeaders.get();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
