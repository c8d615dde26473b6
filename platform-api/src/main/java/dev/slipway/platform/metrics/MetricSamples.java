package dev.slipway.platform.metrics;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The {@code metric_samples} table: one row per routed service and sampling interval, kept a day. */
@Repository
class MetricSamples {

    private final JdbcTemplate jdbc;

    MetricSamples(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Stores the samples taken at {@code at}. A sample names its service; one whose service no longer exists
     * (deleted meanwhile) is dropped.
     */
    void insert(Instant at, List<MetricSample> samples) {
        if (samples.isEmpty()) {
            return;
        }
        var time = Timestamp.from(at);
        jdbc.batchUpdate("""
                insert into metric_samples (service_id, sampled_at, requests, status_2xx, status_4xx, status_5xx,
                                            latency_p50_ms, latency_p95_ms, latency_p99_ms, concurrency, active_instances)
                select id, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? from services where name = ?
                on conflict do nothing
                """, samples, samples.size(), (statement, s) -> {
            statement.setTimestamp(1, time);
            statement.setLong(2, s.requests());
            statement.setLong(3, s.status2xx());
            statement.setLong(4, s.status4xx());
            statement.setLong(5, s.status5xx());
            statement.setObject(6, s.latencyP50(), Types.DOUBLE);
            statement.setObject(7, s.latencyP95(), Types.DOUBLE);
            statement.setObject(8, s.latencyP99(), Types.DOUBLE);
            statement.setInt(9, s.concurrency());
            statement.setInt(10, s.activeInstances());
            statement.setString(11, s.service());
        });
    }

    /** Removes the samples taken before {@code cutoff}; returns how many. */
    int deleteBefore(Instant cutoff) {
        return jdbc.update("delete from metric_samples where sampled_at < ?", Timestamp.from(cutoff));
    }
}
