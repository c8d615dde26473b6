package dev.slipway.router;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.LoggerFactory;

/**
 * The standalone router's control port: the {@link ControlApi} on the JDK's HTTP server, away from the event
 * loops so a slow call (a drain wait) never touches request traffic.
 */
final class ControlServer implements AutoCloseable {

    /** Calls handled at once; more wait for a thread. */
    static final int THREADS = 8;

    private final HttpServer server;
    private final ExecutorService executor;

    private ControlServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    static ControlServer start(StandaloneOptions.ControlOptions options, ControlApi api) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(options.bind(), options.port()), 0);
        AtomicInteger threads = new AtomicInteger();
        ExecutorService executor = Executors.newFixedThreadPool(THREADS, task -> {
            Thread thread = new Thread(task, "slipway-router-control-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", api);
        server.start();
        LoggerFactory.getLogger(ControlServer.class).info("Control API listening on {}", server.getAddress());
        return new ControlServer(server, executor);
    }

    int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
