package dev.slipway.router;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real instance that holds every request until the test opens its gate, then echoes the request body (or
 * answers its name when there is none). It records how many requests it is serving at once, and the most ever.
 */
final class GatedBackend implements AutoCloseable {

    private final CountDownLatch gate = new CountDownLatch(1);
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final TestBackend server;

    GatedBackend(String name) {
        server = TestBackend.start(name, this::serve);
    }

    private void serve(HttpExchange exchange) throws IOException {
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        try {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            if (!gate.await(30, TimeUnit.SECONDS)) {
                throw new IOException("the test never opened the gate");
            }
            if (body.length == 0) {
                body = server.name().getBytes();
            }
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            inFlight.decrementAndGet();
        }
    }

    /** Lets every request held now, and every later one, be answered. */
    void open() {
        gate.countDown();
    }

    String address() {
        return server.address();
    }

    /** Requests being served now. */
    int inFlight() {
        return inFlight.get();
    }

    /** The most requests ever served at once. */
    int maxInFlight() {
        return maxInFlight.get();
    }

    /** Requests that arrived. */
    int requests() {
        return server.requests();
    }

    @Override
    public void close() {
        gate.countDown();
        server.close();
    }
}
