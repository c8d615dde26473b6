package dev.slipway.platform.scaling;

import dev.slipway.config.ScalingSettings;
import dev.slipway.platform.routing.AdmissionPolicy;
import dev.slipway.platform.service.ScalingOverrides;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A service's effective scaling: its {@code apprunner.yaml}'s {@code slipway.scaling}, with the
 * settings given through the API winning, in App Runner's names.
 *
 * @param maxConcurrency   requests an instance takes at once before the service scales out
 * @param minSize          instances kept running; 0 scales to zero after {@code scaleToZeroAfter} without requests
 * @param maxSize          the most instances at once
 * @param hardLimit        the most requests an instance is ever sent at once; 0 for none. Below
 *                         {@code maxConcurrency}, the autoscaler scales on it instead
 * @param stableWindow     how long the load must stay lower before instances are removed
 * @param scaleToZeroAfter with {@code minSize} 0, how long without a request before the last instance stops
 * @param sources          where each of the first three came from: {@code api}, {@code apprunner.yaml} or
 *                         {@code default}
 */
public record Scaling(int maxConcurrency, int minSize, int maxSize, int hardLimit, Duration stableWindow,
                      Duration scaleToZeroAfter, Map<String, String> sources) {

    /** The share of {@code maxConcurrency} the autoscaler aims at, leaving room for bursts while it scales out. */
    public static final double TARGET_UTILISATION = 0.7;
    /** The longest a request waits for an instance started from zero. */
    static final Duration WAKE_TIMEOUT = Duration.ofMinutes(2);
    /** The longest a request waits while every instance is at its limit. */
    static final Duration OVERLOAD_TIMEOUT = Duration.ofSeconds(30);
    /** The most requests waiting for one service at once. */
    static final long MAX_QUEUE = 10_000;

    public Scaling {
        sources = Map.copyOf(sources);
    }

    /** The file's settings with the API's over them; a minimum above the maximum is lowered to it. */
    public static Scaling of(ScalingSettings file, ScalingOverrides api) {
        var defaults = ScalingSettings.defaults();
        var sources = new LinkedHashMap<String, String>();
        int concurrency = pick("maxConcurrency", api.maxConcurrency(), file.maxConcurrency(),
                defaults.maxConcurrency(), sources);
        int min = pick("minSize", api.minSize(), file.minInstances(), defaults.minInstances(), sources);
        int max = pick("maxSize", api.maxSize(), file.maxInstances(), defaults.maxInstances(), sources);
        return new Scaling(concurrency, Math.min(min, max), max, file.hardLimit(), file.stableWindow(),
                file.scaleToZeroAfter(), sources);
    }

    /** The most requests an instance should have at once: {@code maxConcurrency}, or a lower hard limit. */
    public int capacity() {
        return hardLimit > 0 ? Math.min(maxConcurrency, hardLimit) : maxConcurrency;
    }

    /** Which setting {@link #capacity()} comes from, in words: {@code max-concurrency 100} or {@code hard-limit 1}. */
    String capacitySetting() {
        return capacity() < maxConcurrency ? "hard-limit " + hardLimit : "max-concurrency " + maxConcurrency;
    }

    /** Requests per instance the autoscaler keeps the average at or below. */
    public double target() {
        return capacity() * TARGET_UTILISATION;
    }

    /** Whether the service stops its last instance when idle. */
    public boolean scalesToZero() {
        return minSize == 0;
    }

    /**
     * How the router admits the service's requests with {@code instances} desired and {@code serving}
     * healthy: a paused service answers 503 saying so; one scaled to zero holds requests while an
     * instance starts; once {@code maxSize} instances serve, each takes at most {@code maxConcurrency}
     * requests and up to as many again per instance wait, then 429 (while instances still start, they
     * take the burst instead); a hard limit always holds.
     */
    public AdmissionPolicy admission(String service, int instances, int serving, boolean paused) {
        if (paused) {
            return new AdmissionPolicy(0, 0, OVERLOAD_TIMEOUT, false, "Service " + service + " is paused. Resume it "
                    + "(POST /api/v1/services/" + service + "/resume) to serve it again.");
        }
        int limit = hardLimit > 0 ? hardLimit : serving >= maxSize ? maxConcurrency : 0;
        int depth = (int) Math.min(MAX_QUEUE, (long) maxConcurrency * maxSize);
        // A request held while no instance serves waits for a start, however long the app takes to be healthy.
        return new AdmissionPolicy(limit, depth, serving == 0 ? WAKE_TIMEOUT : OVERLOAD_TIMEOUT, scalesToZero(), null);
    }

    private static int pick(String name, Integer api, int file, int defaultValue, Map<String, String> sources) {
        if (api != null) {
            sources.put(name, "api");
            return api;
        }
        sources.put(name, file == defaultValue ? "default" : "apprunner.yaml");
        return file;
    }
}
