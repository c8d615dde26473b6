package dev.slipway.router;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

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
    static final String QUEUED = "slipway.router.queued.requests";
    static final String CONNECTIONS = "slipway.router.client.connections";
    static final String REFUSED_CONNECTIONS = "slipway.router.refused.connections";
    static final String SERVICE_TAG = "service";
    static final String LIMIT_TAG = "limit";
    /** A connection refused because the router had {@link RouterOptions#maxConnections()} open. */
    static final String LIMIT_ROUTER = "router";
    /** A connection refused because its address had {@link RouterOptions#maxConnectionsPerClient()} open. */
    static final String LIMIT_CLIENT = "client";
    /**
     * Upper bounds of the latency histogram's buckets (slower requests count only in {@code +Inf}), 1 ms to the
     * default request timeout. Buckets rather than percentiles kept in the router, which cost about 85 KB per
     * service and do not add up across routers; sixteen keep a service's timer near 1.5 KB and its scrape short.
     */
    static final Duration[] LATENCY_BUCKETS = Stream.of("PT0.001S", "PT0.0025S", "PT0.005S", "PT0.01S", "PT0.025S",
            "PT0.05S", "PT0.1S", "PT0.25S", "PT0.5S", "PT1S", "PT2.5S", "PT5S", "PT10S", "PT30S", "PT60S", "PT120S")
            .map(Duration::parse).toArray(Duration[]::new);

    private final MeterRegistry registry;
    private final int eventLoops;
    private final ConcurrentHashMap<String, ServiceMetrics> services = new ConcurrentHashMap<>();
    private final Meter connections;
    private final Counter refusedByRouter;
    private final Counter refusedByClient;

    /** Metrics into {@code registry}, or none when it is null. */
    RouterMetrics(MeterRegistry registry, int eventLoops, AtomicInteger openConnections) {
        this.registry = registry;
        this.eventLoops = eventLoops;
        this.connections = registry == null ? null
                : Gauge.builder(CONNECTIONS, openConnections, AtomicInteger::get)
                        .description("Open client connections").strongReference(true).register(registry);
        this.refusedByRouter = refusedCounter(LIMIT_ROUTER);
        this.refusedByClient = refusedCounter(LIMIT_CLIENT);
    }

    /** Counts a client connection closed at once because of {@code limit}, {@link #LIMIT_ROUTER} or {@link #LIMIT_CLIENT}. */
    void refusedConnection(String limit) {
        if (registry != null) {
            (LIMIT_CLIENT.equals(limit) ? refusedByClient : refusedByRouter).increment();
        }
    }

    private Counter refusedCounter(String limit) {
        return registry == null ? null : Counter.builder(REFUSED_CONNECTIONS).tag(LIMIT_TAG, limit)
                .description("Client connections closed at once: too many open in all, or from one address")
                .register(registry);
    }

    /** The meters of a service, created on first use over its {@code counts}; null when metrics are off. */
    ServiceMetrics service(String name, ServiceCounts counts) {
        return registry == null ? null
                : services.computeIfAbsent(name, key -> new ServiceMetrics(registry, key, eventLoops, counts));
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
        registry.remove(refusedByRouter);
        registry.remove(refusedByClient);
    }

    private void remove(Collection<Meter> meters) {
        meters.forEach(registry::remove);
    }
}
