package dev.slipway.router;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The meters of one service, named after App Runner's metrics. Recording takes no lock: the counts are
 * {@link LoopCounters} that each event loop bumps in its own row (the request's loop, which also ends it), read
 * by Micrometer function counters and gauges; the latency timer and its fixed buckets are Micrometer's
 * lock-free ones. A finished request is recorded through its loop's {@link MetricsBatch}.
 */
final class ServiceMetrics {

    private static final int REQUESTS = 0;
    private static final int STATUS_2XX = 1;
    private static final int STATUS_4XX = 2;
    private static final int STATUS_5XX = 3;

    private final LoopCounters counts;
    private final Timer latency;
    private volatile RouteEntry[] entries = new RouteEntry[0];
    private final List<Meter> meters;

    /** The meters of {@code service}; its concurrency is read from {@code load}, which counts without metrics too. */
    ServiceMetrics(MeterRegistry registry, String service, int eventLoops, ServiceCounts load) {
        counts = new LoopCounters(eventLoops, STATUS_5XX + 1);
        Tags tags = Tags.of(RouterMetrics.SERVICE_TAG, service);
        Meter requests = counter(registry, RouterMetrics.REQUESTS, "Requests the router finished for the service",
                tags, REQUESTS);
        Meter status2xx = counter(registry, RouterMetrics.STATUS_2XX, "Responses with a 2xx status", tags, STATUS_2XX);
        Meter status4xx = counter(registry, RouterMetrics.STATUS_4XX, "Responses with a 4xx status", tags, STATUS_4XX);
        Meter status5xx = counter(registry, RouterMetrics.STATUS_5XX,
                "Responses with a 5xx status, the router's own included", tags, STATUS_5XX);
        latency = Timer.builder(RouterMetrics.LATENCY)
                .description("Time from the request's head to the response's last byte")
                .tags(tags)
                .serviceLevelObjectives(RouterMetrics.LATENCY_BUCKETS)
                .register(registry);
        Gauge concurrent = Gauge.builder(RouterMetrics.CONCURRENCY, load, ServiceCounts::inFlight)
                .description("Requests and WebSockets in flight").tags(tags).strongReference(true).register(registry);
        Gauge queued = Gauge.builder(RouterMetrics.QUEUED, this, ServiceMetrics::queued)
                .description("Requests waiting in the service's route queues").tags(tags)
                .strongReference(true).register(registry);
        Gauge active = Gauge.builder(RouterMetrics.ACTIVE_INSTANCES, this, ServiceMetrics::activeInstances)
                .description("Targets with weight above 0 that accept connections").tags(tags)
                .strongReference(true).register(registry);
        meters = List.of(requests, status2xx, status4xx, status5xx, latency, concurrent, active, queued);
    }

    private Meter counter(MeterRegistry registry, String name, String description, Tags tags, int counter) {
        return FunctionCounter.builder(name, counts, c -> c.sum(counter)).description(description).tags(tags)
                .register(registry);
    }

    /** Counts a request and its response status (0 when none was sent) and latency, once {@code loop} gets to it. */
    void responded(LoopContext loop, int status, long latencyNanos) {
        loop.metrics.add(this, status, latencyNanos);
    }

    /**
     * Counts a request now. The latency goes first, so that whoever sees the request counted also sees its
     * latency.
     */
    void record(int loop, int status, long latencyNanos) {
        if (status != 0) {
            latency.record(latencyNanos, TimeUnit.NANOSECONDS);
        }
        if (status >= 500) {
            counts.add(loop, STATUS_5XX, 1);
        } else if (status >= 400) {
            counts.add(loop, STATUS_4XX, 1);
        } else if (status >= 200 && status < 300) {
            counts.add(loop, STATUS_2XX, 1);
        }
        counts.add(loop, REQUESTS, 1);
    }

    /** The service's routes in the current table, for {@link #activeInstances}. */
    void entries(RouteEntry[] current) {
        entries = current;
    }

    double activeInstances() {
        return RouteEntry.activeBackends(entries);
    }

    double queued() {
        return RouteEntry.queued(entries);
    }

    List<Meter> meters() {
        return meters;
    }
}
