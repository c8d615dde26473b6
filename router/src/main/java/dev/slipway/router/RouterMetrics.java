package dev.slipway.router;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The router's meters in a Micrometer registry, per service, under App Runner's metric names (Micrometer
 * spells them in dots; Prometheus in snake case, e.g. {@code slipway_router_requests_total}). Without a
 * registry nothing is recorded.
 */
final class RouterMetrics implements AutoCloseable {

    static final String REQUESTS = "slipway.router.requests";
    static final String STATUS_2XX = "slipway.router.2xx.status.responses";
    static final String STATUS_4XX = "slipway.router.4xx.status.responses";
    static final String STATUS_5XX = "slipway.router.5xx.status.responses";
    static final String LATENCY = "slipway.router.request.latency";
    static final String CONCURRENCY = "slipway.router.concurrency";
    static final String ACTIVE_INSTANCES = "slipway.router.active.instances";
    static final String CONNECTIONS = "slipway.router.client.connections";
    static final String SERVICE_TAG = "service";
    static final double[] PERCENTILES = {0.5, 0.95, 0.99};
    /** Significant decimal digits of the latency percentiles. */
    static final int PERCENTILE_PRECISION = 2;

    private final MeterRegistry registry;
    private final ConcurrentHashMap<String, ServiceMetrics> services = new ConcurrentHashMap<>();
    private final Meter connections;

    /** Metrics into {@code registry}, or none when it is null. */
    RouterMetrics(MeterRegistry registry, AtomicInteger openConnections) {
        this.registry = registry;
        this.connections = registry == null ? null
                : Gauge.builder(CONNECTIONS, openConnections, AtomicInteger::get)
                        .description("Open client connections").strongReference(true).register(registry);
    }

    boolean enabled() {
        return registry != null;
    }

    /** The meters of a service, created on first use; null when metrics are off. */
    ServiceMetrics service(String name) {
        return registry == null ? null : services.computeIfAbsent(name, key -> new ServiceMetrics(registry, key));
    }

    /** Removes the meters of services no longer routed. Requests still under way record into detached meters. */
    void retainOnly(Set<String> routed) {
        services.forEach((name, metrics) -> {
            if (!routed.contains(name) && services.remove(name, metrics)) {
                remove(metrics.meters());
            }
        });
    }

    @Override
    public void close() {
        if (registry == null) {
            return;
        }
        services.values().forEach(metrics -> remove(metrics.meters()));
        services.clear();
        registry.remove(connections);
    }

    private void remove(Collection<Meter> meters) {
        meters.forEach(registry::remove);
    }
}
