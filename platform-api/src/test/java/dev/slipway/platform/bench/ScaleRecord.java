package dev.slipway.platform.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the load's requests got: counts since the last look and in all, the latency of every
 * successful request under the phase it was sent in (bounded), and when each instance (told apart
 * by the port and host name {@code /info} reports) first answered.
 */
final class ScaleRecord {

    enum Phase { BEFORE, DURING, AFTER }

    static final int MAX_LATENCIES_PER_PHASE = 2_000_000;
    private static final int FAILURES_KEPT = 20;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Map<Phase, List<Double>> latencies = new EnumMap<>(Phase.class);
    private final Map<String, Long> firstAnswer = new ConcurrentHashMap<>();
    private final AtomicInteger completed = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private final AtomicInteger totalCompleted = new AtomicInteger();
    private final AtomicInteger totalFailed = new AtomicInteger();
    private final List<String> failureSamples = Collections.synchronizedList(new ArrayList<>());

    /** Requests completed and failed in one interval. */
    record Interval(int completed, int failed) {
    }

    ScaleRecord() {
        for (var phase : Phase.values()) {
            latencies.put(phase, Collections.synchronizedList(new ArrayList<>()));
        }
    }

    void succeeded(Phase sentIn, double seconds, long answeredNanos, String body) {
        completed.incrementAndGet();
        totalCompleted.incrementAndGet();
        var log = latencies.get(sentIn);
        if (log.size() < MAX_LATENCIES_PER_PHASE) {
            log.add(seconds);
        }
        firstAnswer.putIfAbsent(instance(body), answeredNanos);
    }

    void failed(String what) {
        failed.incrementAndGet();
        totalFailed.incrementAndGet();
        if (failureSamples.size() < FAILURES_KEPT) {
            failureSamples.add(what);
        }
    }

    /** What completed and failed since the last call. */
    Interval drain() {
        return new Interval(completed.getAndSet(0), failed.getAndSet(0));
    }

    int totalCompleted() {
        return totalCompleted.get();
    }

    int totalFailed() {
        return totalFailed.get();
    }

    /** The first few failures, as "status body" or the exception. */
    List<String> failureSamples() {
        return List.copyOf(failureSamples);
    }

    /** Seconds of the successful requests sent in {@code phase}. */
    List<Double> latencies(Phase phase) {
        var log = latencies.get(phase);
        synchronized (log) {
            return List.copyOf(log);
        }
    }

    /**
     * Seconds from {@code stepNanos} until an instance that had not answered before it answered;
     * NaN when none did.
     */
    double secondsToNewInstance(long stepNanos) {
        return firstAnswer.values().stream().filter(t -> t >= stepNanos).mapToDouble(t -> (t - stepNanos) / 1e9)
                .min().orElse(Double.NaN);
    }

    int instancesSeen() {
        return firstAnswer.size();
    }

    /** "port@host" from {@code /info}'s answer; the body itself when it is not that JSON. */
    static String instance(String body) {
        try {
            var info = JSON.readTree(body);
            return info.path("port").asString("?") + "@" + info.path("host").asString("?");
        } catch (RuntimeException e) {
            return body.strip();
        }
    }
}
