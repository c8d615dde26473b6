package dev.slipway.platform.metrics;

/**
 * One service's traffic over one sampling interval: a row of {@code metric_samples}.
 *
 * @param requests    requests the router finished in the interval
 * @param status2xx   of those, answered 2xx (4xx, 5xx likewise; the router's own 502/503/504 count as 5xx)
 * @param latencyP50  latency percentiles in ms of the interval's requests; null when none was answered
 * @param concurrency requests in flight at the sample's time
 * @param activeInstances healthy instances taking traffic at the sample's time
 */
record MetricSample(String service, long requests, long status2xx, long status4xx, long status5xx, Double latencyP50,
                    Double latencyP95, Double latencyP99, int concurrency, int activeInstances) {
}
