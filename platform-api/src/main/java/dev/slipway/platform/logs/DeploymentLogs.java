package dev.slipway.platform.logs;

import dev.slipway.platform.system.SlipwayProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every deployment's log, kept as a file of JSON lines under {@code $SLIPWAY_HOME/logs/deployments}
 * (at most {@code SLIPWAY_DEPLOYMENT_LOG_SIZE} of command output each) and followed live while the
 * deployment runs.
 */
@Component
public class DeploymentLogs {

    private final Path directory;
    private final JsonMapper json;
    private final long maxBytes;
    private final Map<String, DeploymentLog> running = new ConcurrentHashMap<>();

    DeploymentLogs(SlipwayProperties properties, JsonMapper json) {
        this.directory = properties.logsDirectory().resolve("deployments");
        this.json = json;
        this.maxBytes = properties.deployments().logSize().toBytes();
    }

    /** Opens the log a running deployment writes to; close it when the deployment ends. */
    public DeploymentLog open(String deploymentId) {
        var log = new DeploymentLog(file(deploymentId), json, maxBytes);
        running.put(deploymentId, log);
        return log;
    }

    public void close(String deploymentId) {
        var log = running.remove(deploymentId);
        if (log != null) {
            log.close();
        }
    }

    /** The lines written so far (none for a deployment that never started). */
    public List<LogLine> read(String deploymentId) {
        var file = file(deploymentId);
        if (!Files.exists(file)) {
            return List.of();
        }
        try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
            return lines.filter(l -> !l.isBlank()).map(l -> json.readValue(l, LogLine.class)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The lines written so far; {@code follower} then gets every later line and {@code onEnd} runs
     * once the deployment's log is closed (at once when it is not running).
     */
    public List<LogLine> follow(String deploymentId, Consumer<LogLine> follower, Runnable onEnd) {
        var log = running.get(deploymentId);
        if (log == null) {
            var lines = read(deploymentId);
            onEnd.run();
            return lines;
        }
        return log.follow(follower, onEnd, () -> read(deploymentId));
    }

    /** Stops calling a follower (its client went away). */
    public void unfollow(String deploymentId, Consumer<LogLine> follower) {
        var log = running.get(deploymentId);
        if (log != null) {
            log.unfollow(follower);
        }
    }

    public void delete(String deploymentId) {
        try {
            Files.deleteIfExists(file(deploymentId));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path file(String deploymentId) {
        return directory.resolve(deploymentId + ".jsonl");
    }
}
