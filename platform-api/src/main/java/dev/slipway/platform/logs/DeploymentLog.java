package dev.slipway.platform.logs;

import dev.slipway.build.image.Bytes;
import dev.slipway.build.image.SecretMask;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;
import tools.jackson.databind.json.JsonMapper;

/**
 * The log of one deployment while it runs: every line is masked, numbered, timestamped, appended
 * to the deployment's log file (one JSON object per line) and handed to whoever follows it.
 * Command output beyond the size limit is neither kept nor passed on, after one line that says so,
 * so a build cannot fill the disk; Slipway's own lines (the outcome among them) are always kept.
 * Thread-safe; lines keep the order in which they were written.
 */
public final class DeploymentLog implements AutoCloseable {

    /** The stream of Slipway's own lines, which the size limit never drops. */
    static final String SYSTEM = "system";

    private final JsonMapper json;
    private final long maxBytes;
    private long bytes;
    private boolean full;
    private final BufferedWriter writer;
    private final Set<String> secrets = new HashSet<>();
    private volatile SecretMask mask = SecretMask.NONE;
    private final List<Consumer<LogLine>> followers = new CopyOnWriteArrayList<>();
    private final List<Runnable> closeListeners = new CopyOnWriteArrayList<>();
    private long seq;
    private boolean closed;

    /** @param maxBytes how much command output the file takes before further output is dropped */
    DeploymentLog(Path file, JsonMapper json, long maxBytes) {
        this.json = json;
        this.maxBytes = maxBytes;
        try {
            Files.createDirectories(file.getParent());
            this.writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open deployment log " + file, e);
        }
    }

    /** Values that are replaced by {@value SecretMask#MASK} in every later line. */
    public synchronized void maskSecrets(Collection<String> values) {
        secrets.addAll(values);
        mask = new SecretMask(secrets);
    }

    /** {@code text} with every known secret replaced. */
    public String mask(String text) {
        return mask.apply(text);
    }

    /** Writes a line and returns it as stored: numbered, timestamped and masked. */
    public LogLine write(String phase, String stream, String text) {
        LogLine line;
        synchronized (this) {
            if (closed) {
                return new LogLine(seq, Instant.now(), phase, stream, mask.apply(text));
            }
            var masked = mask.apply(text);
            if (!SYSTEM.equals(stream) && bytes + masked.length() > maxBytes) {
                if (!full) {
                    full = true;
                    append(new LogLine(++seq, Instant.now(), phase, SYSTEM, "further output is not kept: this"
                            + " deployment's log reached " + Bytes.format(maxBytes) + " (SLIPWAY_DEPLOYMENT_LOG_SIZE);"
                            + " a failure's reason still quotes the command's last lines"));
                }
                return new LogLine(seq, Instant.now(), phase, stream, masked);
            }
            line = new LogLine(++seq, Instant.now(), phase, stream, masked);
            append(line);
        }
        return line;
    }

    private void append(LogLine line) {
        try {
            var text = json.writeValueAsString(line);
            writer.write(text);
            writer.newLine();
            writer.flush();
            bytes += text.length() + 1;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        followers.forEach(f -> f.accept(line));
    }

    /**
     * Calls {@code follower} for every line written from now on, then {@code onClose} once the log
     * is closed; returns the lines written so far, so nothing is missed or repeated.
     */
    List<LogLine> follow(Consumer<LogLine> follower, Runnable onClose, Supplier<List<LogLine>> earlier) {
        synchronized (this) {
            if (!closed) {
                var lines = earlier.get();
                followers.add(follower);
                closeListeners.add(onClose);
                return lines;
            }
        }
        onClose.run();
        return earlier.get();
    }

    void unfollow(Consumer<LogLine> follower) {
        followers.remove(follower);
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            try {
                writer.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            followers.clear();
        }
        new ArrayList<>(closeListeners).forEach(Runnable::run);
    }
}
