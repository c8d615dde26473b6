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
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/**
 * The two files of one application log: {@code current.jsonl} takes new lines through a buffer;
 * once it passes the size limit it becomes {@code previous.jsonl} (replacing the older one). Not
 * thread-safe: its {@link AppLog} serialises the calls.
 */
final class AppLogFiles {

    private static final int BUFFER_SIZE = 64 * 1024;

    private final Path current;
    private final Path previous;
    private final long sizeLimit;
    private final JsonMapper json;
    private OutputStream out;
    private long currentSize;
    private boolean unflushed;

    AppLogFiles(Path directory, long sizeLimit, JsonMapper json) {
        this.current = directory.resolve("current.jsonl");
        this.previous = directory.resolve("previous.jsonl");
        this.sizeLimit = sizeLimit;
        this.json = json;
    }

    /** Appends one line (its bytes, without the line break); rotates when the current file is full. */
    void append(byte[] line) {
        try {
            if (out == null) {
                out = openCurrent();
            }
            out.write(line);
            out.write('\n');
        } catch (IOException e) {
            throw failure("cannot write", e);
        }
        currentSize += line.length + 1;
        unflushed = true;
        if (currentSize > sizeLimit) {
            rotate();
        }
    }

    void flush() {
        if (unflushed && out != null) {
            try {
                out.flush();
                unflushed = false;
            } catch (IOException e) {
                throw failure("cannot write", e);
            }
        }
    }

    /** Both files as they are now, for reading up to line {@code upToSeq}; call {@link #flush()} first. */
    AppLogSnapshot snapshot(long upToSeq) {
        var files = new ArrayList<FileChannel>();
        try {
            for (var file : List.of(previous, current)) {
                if (Files.exists(file)) {
                    files.add(FileChannel.open(file, StandardOpenOption.READ));
                }
            }
            return new AppLogSnapshot(files, upToSeq, json);
        } catch (IOException e) {
            new AppLogSnapshot(files, upToSeq, json).close();
            throw failure("cannot read", e);
        }
    }

    void close() {
        if (out == null) {
            return;
        }
        try {
            out.close();
        } catch (IOException e) {
            throw failure("cannot write", e);
        } finally {
            out = null;
            unflushed = false;
        }
    }

    private OutputStream openCurrent() throws IOException {
        Files.createDirectories(current.getParent());
        currentSize = Files.exists(current) ? Files.size(current) : 0;
        var stream = new BufferedOutputStream(Files.newOutputStream(current, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND), BUFFER_SIZE);
        if (currentSize > 0 && !endsWithNewline(current)) {
            // Slipway stopped in the middle of a line: start the next one on a line of its own.
            stream.write('\n');
            currentSize++;
        }
        return stream;
    }

    private void rotate() {
        close();
        try {
            Files.move(current, previous, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw failure("cannot rotate", e);
        }
        currentSize = 0;
    }

    private UncheckedIOException failure(String what, IOException e) {
        return new UncheckedIOException(what + " the application log in " + current.getParent() + ": " + e
                + "; check the disk's free space and the directory's permissions", e);
    }

    private static boolean endsWithNewline(Path file) throws IOException {
        try (var channel = FileChannel.open(file, StandardOpenOption.READ)) {
            var last = ByteBuffer.allocate(1);
            channel.read(last, channel.size() - 1);
            return last.get(0) == '\n';
        }
    }
}
