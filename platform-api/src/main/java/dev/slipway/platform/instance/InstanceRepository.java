package dev.slipway.platform.instance;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Instances in PostgreSQL. */
@Repository
public class InstanceRepository {

    private static final String COLUMNS = "id, service_id, deployment_id, container_id, address, state, state_reason, "
            + "restarts, crash_streak, last_exit_code, last_exit_reason, started_at, healthy_since, next_restart_at, "
            + "created_at";
    private static final int ID_BYTES = 6;

    private final JdbcClient jdbc;
    private final SecureRandom random = new SecureRandom();

    InstanceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A new instance of the deployment, {@link InstanceState#STARTING}, before its container starts. */
    Instance create(long serviceId, String deploymentId) {
        var bytes = new byte[ID_BYTES];
        random.nextBytes(bytes);
        var id = "i" + HexFormat.of().formatHex(bytes);
        return jdbc.sql("insert into instances (id, service_id, deployment_id, state) values (?, ?, ?, 'STARTING') "
                        + "returning " + COLUMNS)
                .params(id, serviceId, deploymentId).query(InstanceRepository::map).single();
    }

    public Optional<Instance> find(String id) {
        return jdbc.sql("select " + COLUMNS + " from instances where id = ?").param(id)
                .query(InstanceRepository::map).optional();
    }

    /** The service's instances that are not stopped (stopping ones included), oldest first. */
    public List<Instance> listNotStopped(long serviceId) {
        return jdbc.sql("select " + COLUMNS + " from instances where service_id = ? and state not in ('STOPPED') "
                + "order by created_at, id").param(serviceId).query(InstanceRepository::map).list();
    }

    /** The service's instances, stopped ones included (the newest {@code stoppedLimit} of them). */
    public List<Instance> listAll(long serviceId, int stoppedLimit) {
        return jdbc.sql("(select " + COLUMNS + " from instances where service_id = ? and state <> 'STOPPED') union all "
                        + "(select " + COLUMNS + " from instances where service_id = ? and state = 'STOPPED' "
                        + "order by updated_at desc limit ?) order by created_at, id")
                .params(serviceId, serviceId, stoppedLimit).query(InstanceRepository::map).list();
    }

    /** The live instance whose current container this is, if any. */
    Optional<Instance> findByContainer(String containerId) {
        // Process group ids are reused: the newest instance that ran in it is the one meant.
        return jdbc.sql("select " + COLUMNS + " from instances where container_id = ? and state <> 'STOPPED' "
                        + "order by updated_at desc limit 1")
                .param(containerId).query(InstanceRepository::map).optional();
    }

    /** The services that have an active deployment or instances that are not stopped. */
    List<Long> servicesWithInstances() {
        return jdbc.sql("select id from services where active_deployment_id is not null "
                + "union select service_id from instances where state <> 'STOPPED'").query(Long.class).list();
    }

    /** Every instance that is not stopped, of every service. */
    List<Instance> listAllNotStopped() {
        return jdbc.sql("select " + COLUMNS + " from instances where state <> 'STOPPED' order by created_at, id")
                .query(InstanceRepository::map).list();
    }

    /**
     * Its new container was started: {@link InstanceState#STARTING} on it, unless the instance was
     * stopped meanwhile.
     *
     * @return false when the instance is stopping or stopped (the caller removes the container)
     */
    boolean started(String id, String containerId, String address, boolean restart) {
        return jdbc.sql("update instances set container_id = ?, address = ?, state = 'STARTING', state_reason = null, "
                        + "started_at = now(), healthy_since = null, next_restart_at = null, restarts = restarts + ?, "
                        + "updated_at = now() where id = ? and state in ('STARTING', 'CRASHED', 'UNHEALTHY')")
                .params(containerId, address, restart ? 1 : 0, id).update() == 1;
    }

    /** @return false when the instance is no longer starting in this container */
    boolean healthy(String id, String containerId) {
        return jdbc.sql("update instances set state = 'HEALTHY', state_reason = null, healthy_since = now(), "
                        + "updated_at = now() where id = ? and state = 'STARTING' and container_id = ?")
                .params(id, containerId).update() == 1;
    }

    /**
     * Crashed or unhealthy: out of service until {@code restartAt}.
     *
     * @return false when the instance was stopping or stopped meanwhile (nothing to restart)
     */
    boolean failed(String id, InstanceState state, String reason, OptionalInt exitCode, String exitReason,
                   int crashStreak, Instant restartAt) {
        return jdbc.sql("update instances set state = ?, state_reason = ?, last_exit_code = coalesce(?, last_exit_code), "
                        + "last_exit_reason = coalesce(?, last_exit_reason), crash_streak = ?, next_restart_at = ?, "
                        + "updated_at = now() where id = ? and state not in ('STOPPING', 'STOPPED')")
                .params(state.name(), reason, exitCode.isPresent() ? exitCode.getAsInt() : null, exitReason,
                        crashStreak, Timestamp.from(restartAt), id)
                .update() == 1;
    }

    void setState(String id, InstanceState state, String reason) {
        jdbc.sql("update instances set state = ?, state_reason = ?, updated_at = now() where id = ?")
                .params(state.name(), reason, id).update();
    }

    /** Its crashes are forgotten: it stayed healthy long enough. */
    void resetCrashStreak(String id) {
        jdbc.sql("update instances set crash_streak = 0, updated_at = now() where id = ?").param(id).update();
    }

    /** Forgets stopped instances of the service but the newest {@code kept}. */
    void pruneStopped(long serviceId, int kept) {
        jdbc.sql("delete from instances where service_id = ? and state = 'STOPPED' and id not in "
                        + "(select id from instances where service_id = ? and state = 'STOPPED' "
                        + "order by updated_at desc limit ?)")
                .params(serviceId, serviceId, kept).update();
    }

    private static Instance map(ResultSet rs, int row) throws SQLException {
        var exitCode = rs.getObject("last_exit_code");
        return new Instance(rs.getString("id"), rs.getLong("service_id"), rs.getString("deployment_id"),
                Optional.ofNullable(rs.getString("container_id")), Optional.ofNullable(rs.getString("address")),
                InstanceState.valueOf(rs.getString("state")), Optional.ofNullable(rs.getString("state_reason")),
                rs.getInt("restarts"), rs.getInt("crash_streak"),
                exitCode == null ? OptionalInt.empty() : OptionalInt.of(((Number) exitCode).intValue()),
                Optional.ofNullable(rs.getString("last_exit_reason")),
                instant(rs, "started_at"), instant(rs, "healthy_since"), instant(rs, "next_restart_at"),
                rs.getTimestamp("created_at").toInstant());
    }

    private static Optional<Instant> instant(ResultSet rs, String column) throws SQLException {
        return Optional.ofNullable(rs.getTimestamp(column)).map(Timestamp::toInstant);
    }
}
