package dev.slipway.platform.deployment;

import dev.slipway.build.image.Artifact;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Deployments in PostgreSQL. */
@Repository
public class DeploymentRepository {

    private static final String COLUMNS = "id, service_id, number, trigger, status, phase, commit_id, commit_message, "
            + "config_file, config_text, rollback_of, artifact, reason, models, timings, created_at, started_at, finished_at";
    private static final int ID_BYTES = 6;
    private static final int CREATE_ATTEMPTS = 5;

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final SecureRandom random = new SecureRandom();

    DeploymentRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Creates the service's next deployment, numbered one above its last. */
    Deployment create(long serviceId, DeploymentTrigger trigger, DeploymentStatus status,
                      Optional<String> commit, Optional<String> rollbackOf) {
        for (int attempt = 1; ; attempt++) {
            var id = "d" + HexFormat.of().formatHex(bytes());
            try {
                // A rollback runs its target's commit and build again, so it shows that commit's message and
                // apprunner.yaml too.
                return jdbc.sql("insert into deployments (id, service_id, number, trigger, status, commit_id, "
                                + "commit_message, config_file, config_text, rollback_of) "
                                + "select ?, ?, coalesce(max(number), 0) + 1, ?, ?, ?, "
                                + "(select commit_message from deployments where id = ?), "
                                + "(select config_file from deployments where id = ?), "
                                + "(select config_text from deployments where id = ?), ? "
                                + "from deployments where service_id = ? returning " + COLUMNS)
                        .params(id, serviceId, trigger.wireName(), status.name(), commit.orElse(null),
                                rollbackOf.orElse(null), rollbackOf.orElse(null), rollbackOf.orElse(null),
                                rollbackOf.orElse(null), serviceId)
                        .query(this::map).single();
            } catch (DuplicateKeyException e) {
                if (attempt == CREATE_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    public Optional<Deployment> find(String id) {
        return jdbc.sql("select " + COLUMNS + " from deployments where id = ?").param(id).query(this::map).optional();
    }

    /** The service's deployments, newest first. */
    /**
     * The service's deployment of that id.
     *
     * @throws DeploymentNotFoundException when the service has none
     */
    public Deployment get(dev.slipway.platform.service.Service service, String id) {
        return find(id).filter(d -> d.serviceId() == service.id())
                .orElseThrow(() -> new DeploymentNotFoundException(service.name(), id));
    }

    public List<Deployment> listForService(long serviceId) {
        return jdbc.sql("select " + COLUMNS + " from deployments where service_id = ? order by number desc")
                .param(serviceId).query(this::map).list();
    }

    /** Deployments that were running (not queued), oldest first. */
    List<Deployment> findRunning() {
        return jdbc.sql("select " + COLUMNS + " from deployments where status in ('IN_PROGRESS', "
                + "'ROLLBACK_IN_PROGRESS') order by created_at").query(this::map).list();
    }

    List<Deployment> findPending() {
        return jdbc.sql("select " + COLUMNS + " from deployments where status = 'PENDING' order by created_at")
                .query(this::map).list();
    }

    /**
     * Takes the oldest queued deployment of a service that has none running, and marks it running;
     * empty when none can run now. A row another transaction holds is skipped rather than waited
     * for. One control plane takes from a database: recovery and the orphan sweep assume that every
     * running deployment is its own.
     */
    Optional<Deployment> claimNext() {
        return jdbc.sql("update deployments set status = case when rollback_of is null then 'IN_PROGRESS' "
                        + "else 'ROLLBACK_IN_PROGRESS' end, started_at = now() where id = ("
                        + "select d.id from deployments d where d.status = 'PENDING' "
                        + "and not exists (select 1 from deployments r where r.service_id = d.service_id "
                        + "and r.status in ('IN_PROGRESS', 'ROLLBACK_IN_PROGRESS')) "
                        + "and not exists (select 1 from deployments e where e.service_id = d.service_id "
                        + "and e.status = 'PENDING' and e.number < d.number) "
                        + "order by d.created_at limit 1 for update skip locked) "
                        + "returning " + COLUMNS)
                .query(this::map).optional();
    }

    /** Puts a deployment taken from the queue back, before anything of it ran. */
    void requeue(String id) {
        jdbc.sql("update deployments set status = 'PENDING', started_at = null where id = ?").param(id).update();
    }

    /** Ends a queued deployment that has not started; false when it already started. */
    boolean failPending(String id, String reason) {
        return jdbc.sql("update deployments set status = 'FAILED', reason = ?, finished_at = now() "
                + "where id = ? and status = 'PENDING'").params(reason, id).update() == 1;
    }

    /** The service's deployment that runs now, if any. */
    Optional<Deployment> findRunning(long serviceId) {
        return jdbc.sql("select " + COLUMNS + " from deployments where service_id = ? and status in ('IN_PROGRESS', "
                + "'ROLLBACK_IN_PROGRESS')").param(serviceId).query(this::map).optional();
    }

    void enterPhase(String id, DeploymentPhase phase) {
        jdbc.sql("update deployments set phase = ? where id = ?").params(phase.name(), id).update();
    }

    void recordTiming(String id, DeploymentPhase phase, long millis) {
        jdbc.sql("update deployments set timings = timings || jsonb_build_object(?::text, ?::bigint) where id = ?")
                .params(phase.name(), millis, id).update();
    }

    void recordCommit(String id, String commit, String message) {
        jdbc.sql("update deployments set commit_id = ?, commit_message = ? where id = ?").params(commit, message, id)
                .update();
    }

    /** Keeps the {@code apprunner.yaml} the deployment builds from, for the console to show with its problems. */
    void recordConfig(String id, String file, String text) {
        jdbc.sql("update deployments set config_file = ?, config_text = ? where id = ?").params(file, text, id)
                .update();
    }

    void recordArtifact(String id, Artifact artifact) {
        jdbc.sql("update deployments set artifact = ?::jsonb where id = ?")
                .params(json.writeValueAsString(artifact), id).update();
    }

    void recordModels(String id, List<DeployedModel> models) {
        jdbc.sql("update deployments set models = ?::jsonb where id = ?")
                .params(json.writeValueAsString(models), id).update();
    }

    void finish(String id, DeploymentStatus status, String reason) {
        jdbc.sql("update deployments set status = ?, reason = ?, finished_at = now() where id = ?")
                .params(status.name(), reason, id).update();
    }

    private byte[] bytes() {
        var bytes = new byte[ID_BYTES];
        random.nextBytes(bytes);
        return bytes;
    }

    private Deployment map(ResultSet rs, int row) throws SQLException {
        var phase = rs.getString("phase");
        var artifact = rs.getString("artifact");
        Map<String, Long> rawTimings = json.readValue(rs.getString("timings"), new TypeReference<Map<String, Long>>() { });
        var timings = new EnumMap<DeploymentPhase, Long>(DeploymentPhase.class);
        rawTimings.forEach((k, v) -> timings.put(DeploymentPhase.valueOf(k), v));
        return new Deployment(
                rs.getString("id"), rs.getLong("service_id"), rs.getInt("number"),
                DeploymentTrigger.fromWireName(rs.getString("trigger")),
                DeploymentStatus.valueOf(rs.getString("status")),
                Optional.ofNullable(phase).map(DeploymentPhase::valueOf),
                Optional.ofNullable(rs.getString("commit_id")),
                Optional.ofNullable(rs.getString("commit_message")),
                Optional.ofNullable(rs.getString("config_file")),
                Optional.ofNullable(rs.getString("config_text")),
                Optional.ofNullable(rs.getString("rollback_of")),
                Optional.ofNullable(artifact).map(a -> json.readValue(a, Artifact.class)),
                Optional.ofNullable(rs.getString("reason")),
                json.readValue(rs.getString("models"), new TypeReference<List<DeployedModel>>() { }),
                timings,
                rs.getTimestamp("created_at").toInstant(),
                Optional.ofNullable(rs.getTimestamp("started_at")).map(Timestamp::toInstant),
                Optional.ofNullable(rs.getTimestamp("finished_at")).map(Timestamp::toInstant));
    }
}
