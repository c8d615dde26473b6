package dev.slipway.platform.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Closed-loop clients through the router: each a thread with its own HTTP client sending
 * {@code GET /info} with the service's host name back to back, into one {@link ScaleRecord}.
 */
final class ScaleLoad implements AutoCloseable {

    static final int MAX_CLIENTS = 64;
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration FAILURE_PAUSE = Duration.ofMillis(20);

    private final HttpRequest request;
    private final ScaleRecord record = new ScaleRecord();
    private final List<Client> clients = new ArrayList<>();
    private final List<Client> stopped = new ArrayList<>();
    private volatile ScaleRecord.Phase phase = ScaleRecord.Phase.BEFORE;

    ScaleLoad(int routerPort, String host) {
        this.request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + routerPort + "/info"))
                .header("Host", host).timeout(REQUEST_TIMEOUT).GET().build();
    }

    ScaleRecord record() {
        return record;
    }

    /** The phase the requests sent from now on count under. */
    void phase(ScaleRecord.Phase next) {
        phase = next;
    }

    /** Starts clients until {@code total} run. */
    void grow(int total) {
        if (total > MAX_CLIENTS) {
            throw new IllegalArgumentException(total + " clients, more than " + MAX_CLIENTS);
        }
        while (clients.size() < total) {
            var client = new Client(clients.size());
            clients.add(client);
            client.thread.start();
        }
    }

    /** Tells the clients beyond {@code total} to stop after their current request (joined on close). */
    void shrink(int total) {
        while (clients.size() > total) {
            var client = clients.remove(clients.size() - 1);
            client.running = false;
            stopped.add(client);
        }
    }

    /** Stops every client and waits (bounded) for its last request. */
    @Override
    public void close() throws InterruptedException {
        shrink(0);
        for (var client : stopped) {
            client.thread.join(REQUEST_TIMEOUT.toMillis() * 2);
        }
    }

    private final class Client implements Runnable {

        private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        private final Thread thread;
        private volatile boolean running = true;

        Client(int index) {
            thread = new Thread(this, "scale-load-" + index);
            thread.setDaemon(true);
        }

        @Override
        public void run() {
            while (running) {
                var sentIn = phase;
                var sent = System.nanoTime();
                try {
                    var response = http.send(request, HttpResponse.BodyHandlers.ofString());
                    var answered = System.nanoTime();
                    if (response.statusCode() == 200) {
                        record.succeeded(sentIn, (answered - sent) / 1e9, answered, response.body());
                        continue;
                    }
                    record.failed(response.statusCode() + " " + response.body().strip());
                } catch (IOException e) {
                    record.failed(e.toString());
                } catch (InterruptedException e) {
                    return;
                }
                pauseAfterFailure();
            }
        }

        /** As SteadyLoad's clients: a failed client waits a moment instead of spinning on refusals. */
        private void pauseAfterFailure() {
            try {
                Thread.sleep(FAILURE_PAUSE.toMillis());
            } catch (InterruptedException e) {
                running = false;
            }
        }
    }
}
