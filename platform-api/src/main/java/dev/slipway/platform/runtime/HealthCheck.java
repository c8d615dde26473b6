package dev.slipway.platform.runtime;

import dev.slipway.build.image.Artifact;
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
 * 10 ms in its first second, then every 100 ms), so a quick app is live within milliseconds; failures
 * still count at most once an interval. Gives up at once when the instance stops. Why an instance
 * failed is the {@link StartDiagnosis}'s to say.
 */
public final class HealthCheck {

    /** How often a starting instance is probed before its first passing check. */
    static final Duration STARTUP_PROBE_INTERVAL = Duration.ofMillis(100);
    /**
     * How often in its first second: most apps are up within it, and a request waiting for a service
     * woken from zero is answered as soon as its instance is.
     */
    static final Duration FIRST_SECOND_PROBE_INTERVAL = Duration.ofMillis(10);

    private final ContainerRuntime runtime;
    private final StartDiagnosis diagnosis;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    public HealthCheck(ContainerRuntime runtime) {
        this.runtime = runtime;
        this.diagnosis = new StartDiagnosis(runtime);
    }

    /**
     * Waits until the instance passes {@code healthyThreshold} consecutive checks, or fails
     * {@code unhealthyThreshold} consecutive ones after the grace period, with the artifact's
     * {@code slipway.health-check} settings.
     *
     * @return empty when healthy, else why not and the fix (for the deployment's or instance's reason)
     */
    public Optional<String> awaitHealthy(Container container, Artifact artifact) throws InterruptedException {
        var settings = artifact.run().healthCheck();
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
                return Optional.of(diagnosis.ended(container, artifact, state));
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
                        + "); its checks pass and fail by turns" + diagnosis.lastOutput(container));
            }
            if (now >= nextCountedFailure) {
                failures++;
                nextCountedFailure = now + settings.interval().toNanos();
                if (failures >= settings.unhealthyThreshold()) {
                    var what = failures == 1 ? "the " + settings.protocol() + " check failed"
                            : failures + " consecutive " + settings.protocol() + " checks failed";
                    return Optional.of(diagnosis.unhealthy(container, artifact, Duration.ofNanos(now - started),
                            what + " (the last: " + lastFailure + ") " + seconds(now - started)
                                    + " after the instance started"));
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
        return StartDiagnosis.seconds(Duration.ofNanos(nanos));
    }
}
