package dev.slipway.platform.event;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Each service's event log in PostgreSQL, like App Runner's: what happened, newest first. The
 * newest {@value #KEPT} events of a service are kept.
 */
@Repository
public class ServiceEvents {

    static final int KEPT = 1000;
    /** Old events are removed now and then, not on every insert. */
    private static final int PRUNE_EVERY = 50;
    private static final Logger log = LoggerFactory.getLogger(ServiceEvents.class);

    private final JdbcClient jdbc;

    ServiceEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records an event. An event that cannot be stored is logged instead: the event log never
     * stops what it describes.
     */
    public void record(long serviceId, EventKind kind, String message, String deploymentId, String instanceId) {
        try {
            var id = jdbc.sql("insert into service_events (service_id, kind, message, deployment_id, instance_id) "
                            + "values (?, ?, ?, ?, ?) returning id")
                    .params(serviceId, kind.wireName(), message, deploymentId, instanceId)
                    .query(Long.class).single();
            if (id % PRUNE_EVERY == 0) {
                jdbc.sql("delete from service_events where service_id = ? and id < (select min(id) from "
                                + "(select id from service_events where service_id = ? order by id desc limit ?) newest)")
                        .params(serviceId, serviceId, KEPT).update();
            }
        } catch (RuntimeException e) {
            log.warn("Could not record event {} of service {} ({}): {}", kind.wireName(), serviceId, message, e.toString());
        }
        log.info("{} {}", kind.wireName(), message);
    }

    /** The service's events, newest first. */
    public List<ServiceEvent> list(long serviceId, int limit) {
        return jdbc.sql("select id, service_id, at, kind, message, deployment_id, instance_id from service_events "
                        + "where service_id = ? order by id desc limit ?")
                .params(serviceId, limit).query(ServiceEvents::map).list();
    }

    private static ServiceEvent map(ResultSet rs, int row) throws SQLException {
        return new ServiceEvent(rs.getLong("id"), rs.getLong("service_id"), rs.getTimestamp("at").toInstant(),
                EventKind.fromWireName(rs.getString("kind")), rs.getString("message"),
                Optional.ofNullable(rs.getString("deployment_id")), Optional.ofNullable(rs.getString("instance_id")));
    }
}
