package dev.slipway.platform.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * Clients that each send requests to one path of a service back to back until closed, as a burst of
 * users would: what each got (by status), which instances answered (the {@code instance} the test
 * app reports) and the most requests an instance reported having at once.
 */
public final class BusyClients implements AutoCloseable {

    private static final Pattern INSTANCE = Pattern.compile("\"instance\": \"([^\"]+)\"");
    private static final Pattern MAX_IN_FLIGHT = Pattern.compile("\"maxInFlight\": (\\d+)");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI uri;
    private final String host;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
    private final Set<String> instances = ConcurrentHashMap.newKeySet();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final List<String> failures = new CopyOnWriteArrayList<>();
    private final List<String> retryAfters = new CopyOnWriteArrayList<>();
    private final List<Thread> threads;
    private final long pauseMillis;

    private BusyClients(int routerPort, String host, String path, int clients, Duration pause) {
        this.uri = URI.create("http://127.0.0.1:" + routerPort + path);
        this.host = host;
        this.pauseMillis = pause.toMillis();
        this.threads = IntStream.range(0, clients).mapToObj(i -> new Thread(this::loop, "busy-client-" + i)).toList();
        threads.forEach(Thread::start);
    }

    /** {@code clients} clients requesting {@code path} of the service. */
    public static BusyClients on(RunningSlipway slipway, String service, String path, int clients) {
        return new BusyClients(slipway.routerPort(), service + ".localhost", path, clients, Duration.ZERO);
    }

    /** One client requesting {@code /} every 50 ms or so: a service in use, but far from busy. */
    public static BusyClients light(RunningSlipway slipway, String service) {
        return new BusyClients(slipway.routerPort(), service + ".localhost", "/", 1, Duration.ofMillis(50));
    }

    public int count(int status) {
        var count = statuses.get(status);
        return count == null ? 0 : count.get();
    }

    /** The instances that answered, as the test app names them (host name and port). */
    public Set<String> instances() {
        return Set.copyOf(instances);
    }

    /** The most requests one instance said it had at once. */
    public int maxInFlight() {
        return maxInFlight.get();
    }

    /** Requests that got neither 200 nor 429, as "status body". */
    public List<String> failures() {
        return List.copyOf(failures);
    }

    /** The Retry-After of every 429. */
    public List<String> retryAfters() {
        return List.copyOf(retryAfters);
    }

    private void loop() {
        while (running.get()) {
            try {
                var response = http.send(HttpRequest.newBuilder(uri).header("Host", host).timeout(Duration.ofSeconds(60))
                        .GET().build(), HttpResponse.BodyHandlers.ofString());
                statuses.computeIfAbsent(response.statusCode(), s -> new AtomicInteger()).incrementAndGet();
                if (response.statusCode() == 200) {
                    var instance = INSTANCE.matcher(response.body());
                    if (instance.find()) {
                        instances.add(instance.group(1));
                    }
                    var max = MAX_IN_FLIGHT.matcher(response.body());
                    if (max.find()) {
                        maxInFlight.accumulateAndGet(Integer.parseInt(max.group(1)), Math::max);
                    }
                } else if (response.statusCode() == 429) {
                    retryAfters.add(response.headers().firstValue("Retry-After").orElse("none"));
                } else {
                    failures.add(response.statusCode() + " " + response.body());
                }
                if (pauseMillis > 0 || response.statusCode() == 429) {
                    // Paced clients, and clients told to retry later, do not send back to back.
                    Thread.sleep(Math.max(pauseMillis, 20));
                }
            } catch (IOException e) {
                if (running.get()) {
                    failures.add("-1 " + e);
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Stops the clients once each has its current answer. */
    @Override
    public void close() throws InterruptedException {
        running.set(false);
        for (var thread : threads) {
            thread.join(Duration.ofSeconds(70).toMillis());
        }
    }
}
