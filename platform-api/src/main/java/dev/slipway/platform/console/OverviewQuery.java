package dev.slipway.platform.console;

import dev.slipway.platform.routing.ServiceRoutes;
import dev.slipway.platform.service.ServiceStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads what the overview shows of every service in two queries, so the page stays fast with hundreds of
 * services: services with their newest deployment and instance counts, then an hour of request counts.
 */
@Component
class OverviewQuery {

    static final int SPARKLINE_MINUTES = 60;

    private final JdbcClient jdbc;
    private final ServiceRoutes routes;
    private final Clock clock;

    OverviewQuery(JdbcClient jdbc, ServiceRoutes routes) {
        this.jdbc = jdbc;
        this.routes = routes;
        this.clock = Clock.systemUTC();
    }

    List<ServiceSummary> services() {
        var requests = requestsPerMinute();
        return jdbc.sql("""
                select s.id, s.name, s.status, s.status_reason,
                       d.id as d_id, d.number as d_number, d.status as d_status, d.commit_id, d.commit_message,
                       d.created_at as d_created_at,
                       (select count(*) from instances i where i.deployment_id = s.active_deployment_id
                                                           and i.state = 'HEALTHY') as healthy,
                       (select count(*) from instances i where i.deployment_id = s.active_deployment_id
                                                           and i.state <> 'STOPPED') as instances
                from services s
                left join lateral (select * from deployments d where d.service_id = s.id
                                   order by d.number desc limit 1) d on true
                order by s.name
                """).query((rs, row) -> summary(rs, requests)).list();
    }

    private ServiceSummary summary(ResultSet rs, Map<Long, long[]> requests) throws SQLException {
        var name = rs.getString("name");
        Optional<ServiceSummary.LastDeployment> last = rs.getString("d_id") == null ? Optional.empty()
                : Optional.of(new ServiceSummary.LastDeployment(rs.getString("d_id"), rs.getInt("d_number"),
                        rs.getString("d_status"), rs.getString("commit_id"), rs.getString("commit_message"),
                        rs.getTimestamp("d_created_at").toInstant()));
        var perMinute = requests.getOrDefault(rs.getLong("id"), new long[SPARKLINE_MINUTES]);
        return new ServiceSummary(name, ServiceStatus.valueOf(rs.getString("status")), rs.getString("status_reason"),
                routes.url(name), last, rs.getInt("healthy"), rs.getInt("instances"),
                Arrays.stream(perMinute).boxed().toList());
    }

    /** Requests per service and minute over the last hour, oldest minute first. */
    private Map<Long, long[]> requestsPerMinute() {
        // Whole seconds: PostgreSQL keeps microseconds, so a bin could fall a few nanoseconds short of its minute.
        var now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        var from = now.minus(Duration.ofMinutes(SPARKLINE_MINUTES));
        var counts = new HashMap<Long, long[]>();
        // date_bin, not numeric arithmetic on extract(epoch ...), which costs about 0.4 µs a row.
        jdbc.sql("""
                select service_id, date_bin('1 minute', sampled_at, ?) as minute, sum(requests) as n
                from metric_samples where sampled_at > ? group by 1, 2
                """).params(java.sql.Timestamp.from(from), java.sql.Timestamp.from(from)).query(rs -> {
            var minute = (int) Duration.between(from, rs.getTimestamp("minute").toInstant()).toMinutes();
            if (minute >= 0 && minute < SPARKLINE_MINUTES) {
                counts.computeIfAbsent(rs.getLong("service_id"), id -> new long[SPARKLINE_MINUTES])[minute] =
                        rs.getLong("n");
            }
        });
        return counts;
    }
}
