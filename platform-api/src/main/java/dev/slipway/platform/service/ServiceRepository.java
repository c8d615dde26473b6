package dev.slipway.platform.service;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** Services in PostgreSQL. */
@Repository
public class ServiceRepository {

    private static final String COLUMNS = "id, name, source_type, source_url, source_branch, source_directory, "
            + "source_image, status, status_reason, active_deployment_id, s3, scaling, paused, created_at, updated_at";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ServiceRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** @throws ServiceAlreadyExistsException when the name is taken */
    public Service create(String name, ServiceSource source, Optional<S3Settings> s3, ServiceStatus status,
                          String statusReason) {
        try {
            return jdbc.sql("insert into services (name, source_type, source_url, source_branch, source_directory, "
                            + "source_image, s3, status, status_reason) values (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?) "
                            + "returning " + COLUMNS)
                    .params(name, source.type().wireName(), source.url().orElse(null), source.branch(),
                            source.sourceDirectory(), source.image().orElse(null),
                            s3.map(json::writeValueAsString).orElse(null), status.name(), statusReason)
                    .query(this::map)
                    .single();
        } catch (DuplicateKeyException e) {
            throw new ServiceAlreadyExistsException(name);
        }
    }

    public Optional<Service> find(String name) {
        return jdbc.sql("select " + COLUMNS + " from services where name = ?").param(name)
                .query(this::map).optional();
    }

    public Optional<Service> findById(long id) {
        return jdbc.sql("select " + COLUMNS + " from services where id = ?").param(id)
                .query(this::map).optional();
    }

    /** @throws ServiceNotFoundException when there is none */
    public Service get(String name) {
        return find(name).orElseThrow(() -> new ServiceNotFoundException(name));
    }

    public List<Service> findAll() {
        return jdbc.sql("select " + COLUMNS + " from services order by name").query(this::map).list();
    }

    public void updateStatus(long id, ServiceStatus status, String reason) {
        jdbc.sql("update services set status = ?, status_reason = ?, updated_at = now() where id = ?")
                .params(status.name(), reason, id).update();
    }

    /** Makes the deployment the one that serves; a paused service keeps its status. */
    public void activate(long id, String deploymentId) {
        jdbc.sql("update services set active_deployment_id = ?, status = case when paused then status else ? end, "
                        + "status_reason = case when paused then status_reason end, updated_at = now() where id = ?")
                .params(deploymentId, ServiceStatus.RUNNING.name(), id).update();
    }

    /** Stores the scaling settings given through the API. */
    public void updateScaling(long id, ScalingOverrides scaling) {
        jdbc.sql("update services set scaling = ?::jsonb, updated_at = now() where id = ?")
                .params(scaling.isEmpty() ? null : json.writeValueAsString(scaling), id).update();
    }

    /**
     * Pauses or resumes the service.
     *
     * @return false when it already was
     */
    public boolean updatePaused(long id, boolean paused) {
        return jdbc.sql("update services set paused = ?, updated_at = now() where id = ? and paused <> ?")
                .params(paused, id, paused).update() == 1;
    }

    public void delete(long id) {
        jdbc.sql("update services set active_deployment_id = null where id = ?").param(id).update();
        jdbc.sql("delete from services where id = ?").param(id).update();
    }

    private Service map(ResultSet rs, int row) throws SQLException {
        var type = ServiceSource.Type.fromWireName(rs.getString("source_type")).orElseThrow();
        var source = new ServiceSource(type, Optional.ofNullable(rs.getString("source_url")),
                rs.getString("source_branch"), rs.getString("source_directory"),
                Optional.ofNullable(rs.getString("source_image")));
        return new Service(rs.getLong("id"), rs.getString("name"), source,
                ServiceStatus.valueOf(rs.getString("status")),
                Optional.ofNullable(rs.getString("status_reason")),
                Optional.ofNullable(rs.getString("active_deployment_id")),
                Optional.ofNullable(rs.getString("s3")).map(s -> json.readValue(s, S3Settings.class)),
                Optional.ofNullable(rs.getString("scaling")).map(s -> json.readValue(s, ScalingOverrides.class))
                        .orElse(ScalingOverrides.NONE),
                rs.getBoolean("paused"), instant(rs, "created_at"), instant(rs, "updated_at"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        var timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
