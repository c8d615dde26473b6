package dev.slipway.router;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a route state file and the router in step. Polls the file's modification time, size and file
 * identity, and publishes the table whenever they change; a file that does not parse is logged and skipped,
 * so the last good table stays in use. Polling, unlike directory watching, also works when the directory is
 * replaced or on network filesystems. Updates from the control API go through {@link #write}, under the same
 * lock as a poll, so the two never interleave.
 */
final class StateFileWatcher implements AutoCloseable {

    static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(1);
    private static final Logger LOG = LoggerFactory.getLogger(StateFileWatcher.class);

    /** What identifies one version of the file; null fields for a missing file. */
    record Stamp(FileTime modified, long size, Object fileKey) {

        static final Stamp MISSING = new Stamp(null, -1, null);

        static Stamp of(Path file) {
            try {
                BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                return new Stamp(attributes.lastModifiedTime(), attributes.size(), attributes.fileKey());
            } catch (IOException e) {
                return MISSING;
            }
        }
    }

    private final Path file;
    private final Consumer<RouteTable> publish;
    private final ScheduledExecutorService scheduler;
    private Stamp last;

    /**
     * Starts polling {@code file} every {@code interval}; {@code loaded} is the stamp of the version already
     * published.
     */
    StateFileWatcher(Path file, Stamp loaded, Duration interval, Consumer<RouteTable> publish) {
        this.file = file;
        this.last = loaded;
        this.publish = publish;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "slipway-router-state-watcher");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::check, interval.toNanos(), interval.toNanos(), TimeUnit.NANOSECONDS);
    }

    /**
     * Writes {@code table} to the file atomically, then publishes it; the watcher does not read its own
     * write back. Returns once the router serves the table.
     */
    synchronized void write(RouteTable table) throws IOException {
        RouteStateFile.write(file, table);
        last = Stamp.of(file);
        publish.accept(table);
        LOG.info("Wrote {} route(s) to {}", table.routes().size(), file);
    }

    private synchronized void check() {
        try {
            Stamp current = Stamp.of(file);
            if (Objects.equals(current, last)) {
                return;
            }
            last = current;
            if (current.equals(Stamp.MISSING)) {
                LOG.warn("Route state file {} is gone; still serving the last routes read from it", file);
                return;
            }
            RouteTable table = RouteStateFile.read(file);
            publish.accept(table);
            LOG.info("Loaded {} route(s) from {}", table.routes().size(), file);
        } catch (InvalidRouteStateException e) {
            LOG.error("{}; still serving the previous routes until the file is fixed", e.getMessage());
        } catch (NoSuchFileException e) {
            LOG.warn("Route state file {} vanished while being read; will look again", file);
            last = Stamp.MISSING;
        } catch (IOException | RuntimeException e) {
            LOG.error("Cannot reload route state file {}: {}; still serving the previous routes", file, e.toString());
        } catch (Error e) {
            // An error escaping a scheduled task would silently end the polling for good.
            LOG.error("Cannot reload route state file {}; still serving the previous routes", file, e);
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
