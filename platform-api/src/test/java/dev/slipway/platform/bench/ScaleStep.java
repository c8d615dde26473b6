package dev.slipway.platform.bench;

import dev.slipway.platform.support.SlipwayApi;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The load step on one service: a few clients, then four times what one instance may take at
 * once, then a few again, sampled every 500 ms (healthy instances, desired instances, requests per
 * second, failures).
 */
final class ScaleStep {

    static final int LOW_CLIENTS = 2;
    static final int HIGH_CLIENTS = 40;
    static final Duration BEFORE = Duration.ofSeconds(10);
    static final Duration DURING = Duration.ofSeconds(30);
    static final Duration AFTER = Duration.ofSeconds(20);
    static final Duration SAMPLE_EVERY = Duration.ofMillis(500);

    private final SlipwayApi api;
    private final String service;
    private final List<ScaleSample> samples = new ArrayList<>();
    private long start;
    private long lastSample;

    /** What the step measured. */
    record Result(List<ScaleSample> samples, ScaleRecord record, double secondsToSecondInstance) {
    }

    ScaleStep(SlipwayApi api, String service) {
        this.api = api;
        this.service = service;
    }

    Result run(int routerPort) throws InterruptedException {
        try (var load = new ScaleLoad(routerPort, service + ".localhost")) {
            start = System.nanoTime();
            lastSample = start;
            load.grow(LOW_CLIENTS);
            sampleUntil(load, start + BEFORE.toNanos());
            var step = System.nanoTime();
            load.phase(ScaleRecord.Phase.DURING);
            load.grow(HIGH_CLIENTS);
            sampleUntil(load, step + DURING.toNanos());
            var back = System.nanoTime();
            load.phase(ScaleRecord.Phase.AFTER);
            load.shrink(LOW_CLIENTS);
            sampleUntil(load, back + AFTER.toNanos());
            load.close();
            return new Result(List.copyOf(samples), load.record(), load.record().secondsToNewInstance(step));
        }
    }

    /** Samples on a fixed 500 ms grid from the load's start, so a slow API call does not shift it. */
    private void sampleUntil(ScaleLoad load, long end) throws InterruptedException {
        var next = start + SAMPLE_EVERY.toNanos() * (samples.size() + 1);
        while (next <= end) {
            var wait = next - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            sample(load);
            next += SAMPLE_EVERY.toNanos();
        }
    }

    private void sample(ScaleLoad load) {
        var instances = healthyInstances();
        var desired = desiredInstances();
        var now = System.nanoTime();
        var interval = load.record().drain();
        var elapsed = Math.max(1e-3, (now - lastSample) / 1e9);
        lastSample = now;
        samples.add(new ScaleSample((now - start) / 1e9, instances, desired, interval.completed() / elapsed,
                interval.failed()));
    }

    private int healthyInstances() {
        try {
            var list = api.get("/api/v1/services/" + service + "/instances");
            if (list.status() != 200) {
                return -1;
            }
            return (int) list.json().valueStream().filter(i -> i.path("state").asString("").equals("HEALTHY")).count();
        } catch (UncheckedIOException | IllegalStateException e) {
            return -1;
        }
    }

    private int desiredInstances() {
        try {
            var answer = api.get("/api/v1/services/" + service);
            var desired = answer.status() == 200 ? answer.json().path("scaling").path("desiredInstances") : null;
            return desired != null && desired.isNumber() ? desired.asInt() : -1;
        } catch (UncheckedIOException | IllegalStateException e) {
            return -1;
        }
    }
}
