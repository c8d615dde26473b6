package dev.slipway.platform.logs;

import dev.slipway.platform.system.DaemonThreads;
import dev.slipway.platform.runtime.Container;
import dev.slipway.platform.runtime.ContainerOutput;
import dev.slipway.platform.system.SlipwayProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every service's application log: what its instances print, under
 * {@code $SLIPWAY_HOME/logs/apps/<service>/} as JSON lines, at most about twice the configured
 * size per service. Readable by instance, time and position, and followable live.
 */
@Component
public class AppLogs implements ContainerOutput, AutoCloseable {

    /** Buffered lines reach the disk at least this often (readers never wait for it). */
    private static final long FLUSH_MILLIS = 1000;

    private final Path directory;
    private final long sizeLimit;
    private final JsonMapper json;
    private final int followerCapacity;
    private final Map<String, AppLog> logs = new ConcurrentHashMap<>();
    private final ExecutorService delivery = Executors.newCachedThreadPool(DaemonThreads.named("app-log-follower-"));
    private final ScheduledExecutorService flusher =
            Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("app-log-flush-"));

    @Autowired
    AppLogs(SlipwayProperties properties, JsonMapper json) {
        this(properties.logsDirectory().resolve("apps"), properties.instances().appLogSize().toBytes(), json,
                FollowerQueue.CAPACITY);
    }

    AppLogs(Path directory, long sizeLimit, JsonMapper json, int followerCapacity) {
        this.directory = directory;
        this.sizeLimit = sizeLimit;
        this.json = json;
        this.followerCapacity = followerCapacity;
        flusher.scheduleWithFixedDelay(this::flushAll, FLUSH_MILLIS, FLUSH_MILLIS, TimeUnit.MILLISECONDS);
    }

    @Override
    public void line(Container container, Instant time, Stream stream, String text) {
        log(container.service()).write(time, container.instanceId(), container.id(),
                stream.name().toLowerCase(Locale.ROOT), text);
    }

    /** When the newest stored line of the container's instance (in any of its containers) was written. */
    @Override
    public Optional<Instant> lastLineTime(Container container) {
        return log(container.service()).lastLineTime(container.instanceId());
    }

    /** The service's stored lines that match {@code filter}, oldest first (none for a service without output). */
    public List<AppLogLine> read(String service, AppLogFilter filter) {
        return log(service).read(filter);
    }

    /**
     * Follows a service's log: {@code follower} gets the stored lines that match {@code filter},
     * then every later matching line as it is written, none missed or repeated. It falls behind by
     * at most {@value FollowerQueue#CAPACITY} lines before it is dropped; writers never wait for it.
     */
    public LogSubscription follow(String service, AppLogFilter filter, LogFollower<AppLogLine> follower) {
        var log = log(service);
        var queue = new FollowerQueue<>(followerCapacity, delivery, follower);
        queue.start(log.follow(filter, queue));
        return () -> {
            queue.close();
            log.unfollow(queue);
        };
    }

    /**
     * Deletes the service's log; its followers get {@link LogFollower#ended()}. Call it once the
     * service's instances are stopped (a line written later starts a new log).
     */
    public void delete(String service) {
        var log = logs.remove(service);
        if (log != null) {
            log.close();
        }
        try {
            FileSystemUtils.deleteRecursively(directory(service));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the application log of " + service + " in "
                    + directory(service) + ": " + e.getMessage(), e);
        }
    }

    /** Writes what is buffered and ends every follower. */
    @Override
    public void close() {
        flusher.shutdownNow();
        logs.values().forEach(AppLog::close);
        delivery.shutdown();
    }

    private AppLog log(String service) {
        return logs.computeIfAbsent(service, s -> new AppLog(directory(s), sizeLimit, json));
    }

    private Path directory(String service) {
        var resolved = directory.resolve(service).normalize();
        if (!resolved.getParent().equals(directory.normalize())) {
            throw new IllegalArgumentException("'" + service + "' is not a service name");
        }
        return resolved;
    }

    private void flushAll() {
        for (var log : logs.values()) {
            try {
                log.flush();
            } catch (UncheckedIOException e) {
                // The next write reports it with its cause.
            }
        }
    }
}
