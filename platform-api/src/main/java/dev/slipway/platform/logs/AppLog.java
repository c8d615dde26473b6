package dev.slipway.platform.logs;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.json.JsonMapper;

/**
 * One service's application log: numbers each line, stores it in its {@link AppLogFiles}, hands it
 * to the followers it matches, and remembers each instance's newest time. Thread-safe; readers
 * read outside the lock, so writers never wait for them.
 */
final class AppLog {

    static final int MAX_TEXT_LENGTH = 16 * 1024;

    private final AppLogFiles files;
    private final JsonMapper json;
    private final Map<String, Instant> lastTimeByInstance = new HashMap<>();
    private final List<Following> followers = new ArrayList<>();
    private long seq;
    private boolean loaded;
    private boolean closed;

    private record Following(AppLogFilter filter, FollowerQueue<AppLogLine> queue) {
    }

    AppLog(Path directory, long sizeLimit, JsonMapper json) {
        this.files = new AppLogFiles(directory, sizeLimit, json);
        this.json = json;
    }

    /** Numbers and stores a line; followers get it at once, readers as soon as this returns. */
    synchronized void write(Instant time, String instance, String container, String stream, String text) {
        if (closed) {
            return;
        }
        load();
        var line = new AppLogLine(++seq, time, instance, container, stream, cut(text));
        files.append(json.writeValueAsBytes(line));
        lastTimeByInstance.merge(instance, time, AppLog::later);
        for (var following : followers) {
            if (following.filter().matches(line)) {
                following.queue().offer(line);
            }
        }
    }

    synchronized Optional<Instant> lastLineTime(String instance) {
        load();
        return Optional.ofNullable(lastTimeByInstance.get(instance));
    }

    /** The stored lines that match {@code filter}, oldest first. */
    List<AppLogLine> read(AppLogFilter filter) {
        return snapshot(() -> { }).read(filter);
    }

    /**
     * Registers {@code queue} for the lines written from now on that match {@code filter}, and
     * returns the matching lines written before, so that together they miss and repeat nothing.
     */
    List<AppLogLine> follow(AppLogFilter filter, FollowerQueue<AppLogLine> queue) {
        return snapshot(() -> followers.add(new Following(filter, queue))).read(filter);
    }

    synchronized void unfollow(FollowerQueue<AppLogLine> queue) {
        followers.removeIf(f -> f.queue() == queue);
    }

    synchronized void flush() {
        files.flush();
    }

    /** Flushes and closes the files; followers get {@link LogFollower#ended()}; later writes are ignored. */
    synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        followers.forEach(f -> f.queue().end());
        followers.clear();
        files.close();
    }

    /**
     * Under the lock: flushes, runs {@code alsoAtomically}, and opens the files as they are then.
     * Open files stay readable after a rotation renames or deletes them, and reading stops at the
     * newest line written before, so the caller reads them outside the lock.
     */
    private synchronized AppLogSnapshot snapshot(Runnable alsoAtomically) {
        load();
        files.flush();
        alsoAtomically.run();
        return files.snapshot(seq);
    }

    /** Reads the last seq and each instance's newest time from the files, once. */
    private void load() {
        if (loaded) {
            return;
        }
        try (var stored = files.snapshot(Long.MAX_VALUE)) {
            stored.forEachLine(line -> {
                seq = Math.max(seq, line.seq());
                lastTimeByInstance.merge(line.instance(), line.time(), AppLog::later);
            });
        }
        loaded = true;
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static String cut(String text) {
        if (text.length() <= MAX_TEXT_LENGTH) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(MAX_TEXT_LENGTH - 1)) ? MAX_TEXT_LENGTH - 1 : MAX_TEXT_LENGTH;
        return text.substring(0, end) + " [line cut: " + (text.length() - end) + " more characters not kept]";
    }
}
