package dev.slipway.platform.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Follows a server-sent event stream over real HTTP, as a browser's EventSource would: the events
 * arrive in {@link #events()} while the stream is open; {@link #isOpen()} turns false when the
 * server ends it.
 */
public final class EventStreamClient implements AutoCloseable {

    /** One event; {@code id} is null when the server sent none. */
    public record Event(String id, String name, String data) {
    }

    private final HttpResponse<InputStream> response;
    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final Thread reader;
    private volatile boolean open = true;

    private EventStreamClient(HttpResponse<InputStream> response) {
        this.response = response;
        this.reader = new Thread(this::read, "event-stream-client");
        reader.setDaemon(true);
        reader.start();
    }

    /** Opens {@code url}; with {@code lastEventId}, resumes after that event. */
    public static EventStreamClient open(String url, String token, String lastEventId) {
        var request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Accept", "text/event-stream");
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        try {
            return new EventStreamClient(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()
                    .send(request.build(), HttpResponse.BodyHandlers.ofInputStream()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<InputStream> response() {
        return response;
    }

    public List<Event> events() {
        return List.copyOf(events);
    }

    public List<Event> events(String name) {
        return events.stream().filter(e -> e.name().equals(name)).toList();
    }

    public boolean isOpen() {
        return open;
    }

    /** Leaves the stream, as a client that closes its connection. */
    @Override
    public void close() throws IOException {
        response.body().close();
    }

    private void read() {
        try (var lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String id = null;
            String name = "message";
            var data = new StringBuilder();
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.isEmpty()) {
                    if (!data.isEmpty()) {
                        events.add(new Event(id, name, data.toString()));
                    }
                    id = null;
                    name = "message";
                    data.setLength(0);
                } else if (!line.startsWith(":")) {
                    var colon = line.indexOf(':');
                    var field = colon < 0 ? line : line.substring(0, colon);
                    var value = colon < 0 ? "" : line.substring(colon + 1);
                    value = value.startsWith(" ") ? value.substring(1) : value;
                    switch (field) {
                        case "id" -> id = value;
                        case "event" -> name = value;
                        case "data" -> data.append(data.isEmpty() ? "" : "\n").append(value);
                        default -> { }
                    }
                }
            }
        } catch (IOException e) {
            // The client left.
        } finally {
            open = false;
        }
    }
}
