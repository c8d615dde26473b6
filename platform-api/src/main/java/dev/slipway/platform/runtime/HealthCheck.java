package dev.slipway.platform.runtime;

import dev.slipway.config.HealthCheckSettings;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * Decides when a new instance is healthy, with App Runner's settings: TCP (the port accepts a
 * connection) or HTTP (the path answers 2xx), a healthy and an unhealthy threshold of consecutive
 * checks one interval apart, and Slipway's grace period during which failures do not count.
 * Until the first check passes, the instance is probed far more often than once an interval (every
 * 10 ms in its first second, then every 100 ms), so a quick app is live within milliseconds; failures still count at most once an interval. Gives up
 * at once when the instance stops.
 */
public final class HealthCheck {

    /** How often a starting instance is probed before its first passing check. */
    static final Duration STARTUP_PROBE_INTERVAL = Duration.ofMillis(100);
    /**
     * How often in its first second: most apps are up within it, and a request waiting for a service
     * woken from zero is answered as soon as its instance is.
     */
    static final Duration FIRST_SECOND_PROBE_INTERVAL = Duration.ofMillis(10);
    private static final int LOG_LINES = 20;

    private final ContainerRuntime runtime;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    public HealthCheck(ContainerRuntime runtime) {
        this.runtime = runtime;
    }

    /**
     * Waits until the instance passes {@code settings.healthyThreshold()} consecutive checks, or
     * fails {@code settings.unhealthyThreshold()} consecutive ones after the grace period.
     *
     * @return empty when healthy, else why not (for the deployment's reason)
     */
    public Optional<String> awaitHealthy(Container container, HealthCheckSettings settings) throws InterruptedException {
        var started = System.nanoTime();
        var graceEnds = started + settings.gracePeriod().toNanos();
        var deadline = started + deadline(settings).toNanos();
        long nextCountedFailure = graceEnds;
        int passes = 0;
        int failures = 0;
        String lastFailure = "";
        while (true) {
            var state = runtime.state(container.id());
            if (!state.running()) {
                return Optional.of("the instance ended (" + state.describe() + ") before it passed its health check on "
                        + container.address() + lastLines(container));
            }
            var failure = probe(container.address(), settings);
            var now = System.nanoTime();
            if (failure.isEmpty()) {
                failures = 0;
                if (++passes >= settings.healthyThreshold()) {
                    return Optional.empty();
                }
                Thread.sleep(settings.interval().toMillis());
                continue;
            }
            passes = 0;
            lastFailure = failure.get();
            if (now - deadline > 0) {
                return Optional.of("the instance did not pass " + settings.healthyThreshold()
                        + " consecutive checks within " + seconds(now - started) + " (the last failure: " + lastFailure
                        + "); its checks pass and fail by turns" + lastLines(container));
            }
            if (now >= nextCountedFailure) {
                failures++;
                nextCountedFailure = now + settings.interval().toNanos();
                if (failures >= settings.unhealthyThreshold()) {
                    var what = failures == 1 ? "the " + settings.protocol() + " check failed"
                            : failures + " consecutive " + settings.protocol() + " checks failed";
                    return Optional.of(what + " (the last: " + lastFailure + ") " + seconds(now - started)
                            + " after the instance started; check that the app listens on $PORT"
                            + (settings.gracePeriodSeconds() == 0 ? ", or give a slow app a slipway.health-check.grace-period" : "")
                            + lastLines(container));
                }
            }
            Thread.sleep((now - started < 1_000_000_000L ? FIRST_SECOND_PROBE_INTERVAL : STARTUP_PROBE_INTERVAL).toMillis());
        }
    }

    /**
     * The longest a start may take, so a check that passes and fails by turns still ends: the grace
     * period, then room for the thresholds' worth of checks twice over.
     */
    static Duration deadline(HealthCheckSettings settings) {
        var perCheck = settings.interval().plus(settings.timeout());
        return settings.gracePeriod().plus(perCheck.multipliedBy(2L * (settings.healthyThreshold()
                + settings.unhealthyThreshold()))).plus(Duration.ofSeconds(30));
    }

    /** Whether something accepts TCP connections at {@code host:port} right now. */
    public static boolean accepts(String address) {
        return connect(address, Duration.ofSeconds(HealthCheckSettings.DEFAULT_TIMEOUT_SECONDS)).isEmpty();
    }

    /** One check: empty when it passed, else what went wrong. */
    public Optional<String> probe(String address, HealthCheckSettings settings) throws InterruptedException {
        if (settings.protocol() == HealthCheckSettings.Protocol.TCP) {
            return connect(address, settings.timeout());
        }
        var uri = URI.create("http://" + address + settings.path());
        try {
            var response = http.send(HttpRequest.newBuilder(uri).timeout(settings.timeout()).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() / 100 == 2 ? Optional.empty()
                    : Optional.of("GET " + settings.path() + " answered " + response.statusCode());
        } catch (IOException e) {
            return Optional.of("GET " + settings.path() + ": " + describe(e));
        }
    }

    private static Optional<String> connect(String address, Duration timeout) {
        var colon = address.lastIndexOf(':');
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress(address.substring(0, colon),
                    Integer.parseInt(address.substring(colon + 1))), (int) timeout.toMillis());
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of("connecting to " + address + ": " + describe(e));
        }
    }

    private static String describe(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static String seconds(long nanos) {
        return String.format(java.util.Locale.ROOT, "%.1f s", nanos / 1e9);
    }

    private String lastLines(Container container) {
        var lines = runtime.logTail(container.id(), LOG_LINES);
        return lines.isEmpty() ? "" : "; its last output:\n" + String.join("\n", lines);
    }
}
