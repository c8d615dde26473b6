package dev.slipway.router;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The meters of one service, named after App Runner's metrics. Recording takes no lock: counters and the
 * latency timer are Micrometer's lock-free ones, concurrency is one atomic.
 */
final class ServiceMetrics {

    private final Counter requests;
    private final Counter status2xx;
    private final Counter status4xx;
    private final Counter status5xx;
    private final Timer latency;
    private final AtomicInteger concurrency = new AtomicInteger();
    private volatile RouteEntry[] entries = new RouteEntry[0];
    private final List<Meter> meters;

    ServiceMetrics(MeterRegistry registry, String service) {
        Tags tags = Tags.of(RouterMetrics.SERVICE_TAG, service);
        requests = counter(registry, RouterMetrics.REQUESTS, "Requests the router finished for the service", tags);
        status2xx = counter(registry, RouterMetrics.STATUS_2XX, "Responses with a 2xx status", tags);
        status4xx = counter(registry, RouterMetrics.STATUS_4XX, "Responses with a 4xx status", tags);
        status5xx = counter(registry, RouterMetrics.STATUS_5XX, "Responses with a 5xx status, the router's own included", tags);
        latency = Timer.builder(RouterMetrics.LATENCY)
                .description("Time from the request's head to the response's last byte")
                .tags(tags)
                .publishPercentiles(RouterMetrics.PERCENTILES)
                .percentilePrecision(RouterMetrics.PERCENTILE_PRECISION)
                .register(registry);
        Gauge concurrent = Gauge.builder(RouterMetrics.CONCURRENCY, concurrency, AtomicInteger::get)
                .description("Requests and WebSockets in flight").tags(tags).strongReference(true).register(registry);
        Gauge active = Gauge.builder(RouterMetrics.ACTIVE_INSTANCES, this, ServiceMetrics::activeInstances)
                .description("Targets with weight above 0 that accept connections").tags(tags)
                .strongReference(true).register(registry);
        meters = List.of(requests, status2xx, status4xx, status5xx, latency, concurrent, active);
    }

    private static Counter counter(MeterRegistry registry, String name, String description, Tags tags) {
        return Counter.builder(name).description(description).tags(tags).register(registry);
    }

    void started() {
        concurrency.incrementAndGet();
    }

    /** Counts a request and its response status (0 when none was sent) and latency. */
    void responded(int status, long latencyNanos) {
        requests.increment();
        if (status == 0) {
            return;
        }
        if (status >= 500) {
            status5xx.increment();
        } else if (status >= 400) {
            status4xx.increment();
        } else if (status >= 200 && status < 300) {
            status2xx.increment();
        }
        latency.record(latencyNanos, TimeUnit.NANOSECONDS);
    }

    void ended() {
        concurrency.decrementAndGet();
    }

    /** The service's routes in the current table, for {@link #activeInstances}. */
    void entries(RouteEntry[] current) {
        entries = current;
    }

    double activeInstances() {
        return RouteEntry.activeBackends(entries);
    }

    List<Meter> meters() {
        return meters;
    }
}
