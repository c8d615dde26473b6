package dev.slipway.platform.logs;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.json.JsonMapper;

/**
 * One service's application log: {@code current.jsonl}, which takes new lines, and
 * {@code previous.jsonl}, which the current file becomes once it passes the size limit. Lines are
 * numbered and buffered; readers flush what is buffered before they read. Thread-safe.
 */
final class AppLog {

    static final int MAX_TEXT_LENGTH = 16 * 1024;
    private static final String CURRENT = "current.jsonl";
    private static final String PREVIOUS = "previous.jsonl";

    private final Path directory;
    private final long sizeLimit;
    private final JsonMapper json;
    private final Map<String, Instant> lastTimeByInstance = new HashMap<>();
    private final List<Following> followers = new ArrayList<>();
    private OutputStream out;
    private long currentSize;
    private long seq;
    private boolean loaded;
    private boolean unflushed;
    private boolean closed;

    private record Following(AppLogFilter filter, FollowerQueue<AppLogLine> queue) {
    }

    AppLog(Path directory, long sizeLimit, JsonMapper json) {
        this.directory = directory;
        this.sizeLimit = sizeLimit;
        this.json = json;
    }

    /** Numbers and stores a line; followers get it at once, readers as soon as this returns. */
    synchronized void write(Instant time, String instance, String container, String stream, String text) {
        if (closed) {
            return;
        }
        load();
        var line = new AppLogLine(seq + 1, time, instance, container, stream, cut(text));
        var bytes = json.writeValueAsBytes(line);
        try {
            if (out == null) {
                out = openCurrent();
            }
            out.write(bytes);
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the application log in " + directory
                    + ": " + e.getMessage() + "; check the disk's free space and the directory's permissions", e);
        }
        seq = line.seq();
        currentSize += bytes.length + 1;
        unflushed = true;
        lastTimeByInstance.merge(instance, time, (a, b) -> a.isAfter(b) ? a : b);
        for (var following : followers) {
            if (following.filter().matches(line)) {
                following.queue().offer(line);
            }
        }
        if (currentSize > sizeLimit) {
            rotate();
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
        if (unflushed && out != null) {
            try {
                out.flush();
                unflushed = false;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the application log in " + directory, e);
            }
        }
    }

    /** Flushes and closes the file; followers get {@link LogFollower#ended()}; later writes are ignored. */
    synchronized void close() {
        if (closed) {
            return;
        }
        flush();
        closed = true;
        followers.forEach(f -> f.queue().end());
        followers.clear();
        closeOut();
    }

    /**
     * Under the lock: flushes, runs {@code alsoAtomically}, and opens the files as they are then.
     * The open files stay readable (also after a rotation renames or deletes them), and reading
     * them outside the lock stops at the newest line written before, so writers need not wait.
     */
    private synchronized AppLogSnapshot snapshot(Runnable alsoAtomically) {
        load();
        flush();
        alsoAtomically.run();
        return openFiles(seq);
    }

    /** Reads the last seq and each instance's newest time from the files, once. */
    private void load() {
        if (loaded) {
            return;
        }
        try (var files = openFiles(Long.MAX_VALUE)) {
            files.forEachLine(line -> {
                seq = Math.max(seq, line.seq());
                lastTimeByInstance.merge(line.instance(), line.time(), (a, b) -> a.isAfter(b) ? a : b);
            });
        }
        loaded = true;
    }

    private AppLogSnapshot openFiles(long upToSeq) {
        var files = new ArrayList<FileChannel>();
        try {
            for (var name : List.of(PREVIOUS, CURRENT)) {
                var file = directory.resolve(name);
                if (Files.exists(file)) {
                    files.add(FileChannel.open(file, StandardOpenOption.READ));
                }
            }
            return new AppLogSnapshot(files, upToSeq, json);
        } catch (IOException e) {
            new AppLogSnapshot(files, upToSeq, json).close();
            throw new UncheckedIOException("cannot read the application log in " + directory + ": " + e.getMessage(), e);
        }
    }

    private OutputStream openCurrent() throws IOException {
        Files.createDirectories(directory);
        var file = directory.resolve(CURRENT);
        currentSize = Files.exists(file) ? Files.size(file) : 0;
        var stream = new BufferedOutputStream(Files.newOutputStream(file, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND), 64 * 1024);
        if (currentSize > 0 && !endsWithNewline(file)) {
            // Slipway stopped in the middle of a line: start the next one on a line of its own.
            stream.write('\n');
            currentSize++;
        }
        return stream;
    }

    private void rotate() {
        closeOut();
        try {
            Files.move(directory.resolve(CURRENT), directory.resolve(PREVIOUS), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot rotate the application log in " + directory, e);
        }
        currentSize = 0;
    }

    private void closeOut() {
        if (out == null) {
            return;
        }
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the application log in " + directory, e);
        } finally {
            out = null;
            unflushed = false;
        }
    }

    private static boolean endsWithNewline(Path file) throws IOException {
        try (var channel = FileChannel.open(file, StandardOpenOption.READ)) {
            var last = ByteBuffer.allocate(1);
            channel.read(last, channel.size() - 1);
            return last.get(0) == '\n';
        }
    }

    private static String cut(String text) {
        if (text.length() <= MAX_TEXT_LENGTH) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(MAX_TEXT_LENGTH - 1)) ? MAX_TEXT_LENGTH - 1 : MAX_TEXT_LENGTH;
        return text.substring(0, end) + " [line cut: " + (text.length() - end) + " more characters not kept]";
    }
}
