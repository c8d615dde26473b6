package dev.slipway.platform.metrics;

import dev.slipway.platform.service.ServiceRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads a service's metrics history for a chart: the samples of a range summed into steps in SQL (each 10 s
 * sample on its own for an hour, 1 min for 6 h, 5 min for 24 h). A step's latency percentile is the mean of its
 * samples' percentiles weighted by their requests (an estimate: percentiles do not add up exactly).
 */
@Component
public class MetricsHistory {

    private static final String STEPS = """
            select extract(epoch from date_bin(make_interval(secs => :step), sampled_at, timestamptz 'epoch'))::bigint
                       as step_start,
                   count(*) as samples, sum(requests) as requests, sum(status_2xx) as s2xx,
                   sum(status_4xx) as s4xx, sum(status_5xx) as s5xx,
                   sum(latency_p50_ms * requests) / nullif(sum(requests) filter (where latency_p50_ms is not null), 0) as p50,
                   sum(latency_p95_ms * requests) / nullif(sum(requests) filter (where latency_p95_ms is not null), 0) as p95,
                   sum(latency_p99_ms * requests) / nullif(sum(requests) filter (where latency_p99_ms is not null), 0) as p99,
                   max(concurrency) as concurrency, max(active_instances) as active_instances
            from metric_samples
            where service_id = :service and sampled_at >= :from and sampled_at < :to
            group by 1
            """;

    private final JdbcClient jdbc;
    private final ServiceRepository services;
    private final long intervalSeconds;
    private final Clock clock = Clock.systemUTC();

    MetricsHistory(JdbcClient jdbc, ServiceRepository services, MetricsSettings settings) {
        this.jdbc = jdbc;
        this.services = services;
        this.intervalSeconds = settings.sampleInterval().toSeconds();
    }

    /**
     * The service's points over {@code range}, oldest first, the last one the step under way now.
     *
     * @throws dev.slipway.platform.service.ServiceNotFoundException when there is no such service
     */
    public MetricsSeries series(String service, MetricsRange range) {
        var id = services.get(service).id();
        long step = range.step().toSeconds();
        long last = Math.floorDiv(clock.instant().getEpochSecond(), step) * step;
        long first = last - (range.points() - 1) * step;
        var byStart = new HashMap<Long, MetricsSeries.Point>();
        jdbc.sql(STEPS).param("step", step).param("service", id)
                .param("from", Timestamp.from(Instant.ofEpochSecond(first)))
                .param("to", Timestamp.from(Instant.ofEpochSecond(last + step)))
                .query(rs -> {
                    var point = point(rs);
                    byStart.put(point.time().getEpochSecond(), point);
                });
        var points = new ArrayList<MetricsSeries.Point>(range.points());
        for (long start = first; start <= last; start += step) {
            var time = Instant.ofEpochSecond(start);
            points.add(byStart.getOrDefault(start, MetricsSeries.Point.empty(time)));
        }
        return new MetricsSeries(service, range.wireName(), step, intervalSeconds, points);
    }

    private MetricsSeries.Point point(ResultSet rs) throws SQLException {
        double seconds = rs.getLong("samples") * (double) intervalSeconds;
        return new MetricsSeries.Point(Instant.ofEpochSecond(rs.getLong("step_start")),
                rate(rs.getLong("requests"), seconds), rate(rs.getLong("s2xx"), seconds),
                rate(rs.getLong("s4xx"), seconds), rate(rs.getLong("s5xx"), seconds),
                millis(rs, "p50"), millis(rs, "p95"), millis(rs, "p99"),
                rs.getInt("concurrency"), rs.getInt("active_instances"));
    }

    private static Double rate(long count, double seconds) {
        return round(count / seconds);
    }

    private static Double millis(ResultSet rs, String column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : round(value);
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
