package dev.slipway.platform.metrics;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * One service's meters in one scrape of the router (see docs/router.md, "Metrics"): the counters since the
 * router started, the latency histogram and the two gauges.
 */
record ServiceReading(long requests, long status2xx, long status4xx, long status5xx, LatencyHistogram latency,
                      int concurrency, int activeInstances) {

    static final String REQUESTS = "slipway_router_requests_total";
    static final String STATUS_2XX = "slipway_router_2xx_status_responses_total";
    static final String STATUS_4XX = "slipway_router_4xx_status_responses_total";
    static final String STATUS_5XX = "slipway_router_5xx_status_responses_total";
    static final String LATENCY_BUCKET = "slipway_router_request_latency_seconds_bucket";
    static final String CONCURRENCY = "slipway_router_concurrency";
    static final String ACTIVE_INSTANCES = "slipway_router_active_instances";
    static final String SERVICE = "service";

    /** Every service's reading in the router's metrics, by service name; other metrics are ignored. */
    static Map<String, ServiceReading> read(String prometheusText) {
        var builders = new HashMap<String, Builder>();
        for (var sample : PrometheusText.parse(prometheusText)) {
            var service = sample.label(SERVICE);
            if (service == null) {
                continue;
            }
            var value = sample.value();
            switch (sample.name()) {
                case REQUESTS -> builders.computeIfAbsent(service, s -> new Builder()).requests = (long) value;
                case STATUS_2XX -> builders.computeIfAbsent(service, s -> new Builder()).status2xx = (long) value;
                case STATUS_4XX -> builders.computeIfAbsent(service, s -> new Builder()).status4xx = (long) value;
                case STATUS_5XX -> builders.computeIfAbsent(service, s -> new Builder()).status5xx = (long) value;
                case CONCURRENCY -> builders.computeIfAbsent(service, s -> new Builder()).concurrency = (int) Math.round(value);
                case ACTIVE_INSTANCES ->
                        builders.computeIfAbsent(service, s -> new Builder()).activeInstances = (int) Math.round(value);
                case LATENCY_BUCKET -> {
                    var le = sample.label("le");
                    if (le != null) {
                        builders.computeIfAbsent(service, s -> new Builder()).buckets
                                .put(PrometheusText.number(le, le), (long) value);
                    }
                }
                default -> {
                }
            }
        }
        var readings = new HashMap<String, ServiceReading>();
        builders.forEach((service, builder) -> readings.put(service, builder.build()));
        return readings;
    }

    /**
     * What the service did since {@code earlier}, its reading in the previous scrape. With no earlier reading (the
     * service is new to the router), or when a count went down (the router restarted, or dropped the service's meters
     * and made new ones), all counts are new since then.
     */
    MetricSample since(String service, ServiceReading earlier) {
        var base = earlier != null && follows(earlier) ? earlier : null;
        var latencyDelta = base == null ? latency : latency.minus(base.latency);
        return new MetricSample(service, requests - (base == null ? 0 : base.requests),
                status2xx - (base == null ? 0 : base.status2xx), status4xx - (base == null ? 0 : base.status4xx),
                status5xx - (base == null ? 0 : base.status5xx), latencyDelta.percentileMillis(0.50),
                latencyDelta.percentileMillis(0.95), latencyDelta.percentileMillis(0.99), concurrency, activeInstances);
    }

    private boolean follows(ServiceReading earlier) {
        return requests >= earlier.requests && status2xx >= earlier.status2xx && status4xx >= earlier.status4xx
                && status5xx >= earlier.status5xx && latency.follows(earlier.latency);
    }

    private static final class Builder {
        long requests;
        long status2xx;
        long status4xx;
        long status5xx;
        int concurrency;
        int activeInstances;
        final TreeMap<Double, Long> buckets = new TreeMap<>();

        ServiceReading build() {
            // Micrometer always writes +Inf; without it, the largest bound's count is every request timed.
            buckets.putIfAbsent(Double.POSITIVE_INFINITY, buckets.isEmpty() ? 0L : buckets.lastEntry().getValue());
            var bounds = buckets.keySet().stream().mapToDouble(Double::doubleValue).toArray();
            var counts = buckets.values().stream().mapToLong(Long::longValue).toArray();
            return new ServiceReading(requests, status2xx, status4xx, status5xx, new LatencyHistogram(bounds, counts),
                    concurrency, activeInstances);
        }
    }
}
