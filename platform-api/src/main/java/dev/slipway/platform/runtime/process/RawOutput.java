package dev.slipway.platform.runtime.process;

import dev.slipway.platform.runtime.Container;
import dev.slipway.platform.runtime.ContainerOutput;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One raw output file of a container (its stdout or stderr), copied to Slipway line by line from
 * where the last copy stopped. How far it was copied is kept in a file next to it after each copy,
 * so a restarted Slipway neither repeats nor loses lines (a Slipway killed in the middle of a copy
 * repeats that copy's lines). Once more than {@link #TRUNCATE_AFTER} bytes were
 * copied and nothing is left to copy, the file is emptied, keeping its last lines for
 * {@link #tail}.
 */
final class RawOutput {

    static final long TRUNCATE_AFTER = 1024L * 1024;
    /** A longer line is copied in pieces, so an app that never writes a line break cannot exhaust memory. */
    private static final int MAX_LINE = 64 * 1024;
    private static final int KEPT_BYTES = 16 * 1024;
    private static final int TAIL_BYTES = 256 * 1024;

    private final Path file;
    private final Path offsetFile;
    private final Path keptFile;
    private final ContainerOutput.Stream stream;
    private long offset = -1;
    private boolean deleted;

    RawOutput(Path file, ContainerOutput.Stream stream) {
        this.file = file;
        this.offsetFile = file.resolveSibling(file.getFileName() + ".offset");
        this.keptFile = file.resolveSibling(file.getFileName() + ".kept");
        this.stream = stream;
    }

    /**
     * Copies the complete lines written since the last copy; with {@code ended} also a last line
     * without a line break, as the app will not finish it.
     */
    synchronized void copy(Container container, ContainerOutput output, boolean ended) {
        if (deleted || !Files.exists(file)) {
            return;
        }
        var copiedBefore = loadOffset();
        try (var channel = FileChannel.open(file, StandardOpenOption.READ)) {
            var size = channel.size();
            if (size < offset) {
                offset = 0;
            }
            var line = new ByteArrayOutputStream();
            var buffer = ByteBuffer.allocate(MAX_LINE);
            var position = offset;
            while (position < size) {
                buffer.clear();
                var read = channel.read(buffer, position);
                if (read <= 0) {
                    break;
                }
                for (int i = 0; i < read; i++) {
                    var b = buffer.get(i);
                    if (b != '\n') {
                        line.write(b);
                    }
                    if (b == '\n' || line.size() >= MAX_LINE) {
                        emit(container, output, line);
                        offset = position + i + 1;
                    }
                }
                position += read;
            }
            if (ended && line.size() > 0) {
                emit(container, output, line);
                offset = position;
            }
        } catch (NoSuchFileException e) {
            return;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        } finally {
            if (offset != copiedBefore) {
                saveOffset();
            }
        }
        truncateWhenCopied();
    }

    /** The file's last lines (up to {@code lines}), oldest first. */
    List<String> tail(int lines) {
        var all = new ArrayList<String>();
        all.addAll(FileTail.lines(keptFile, TAIL_BYTES));
        all.addAll(FileTail.lines(file, TAIL_BYTES));
        return List.copyOf(all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    /** Stops copying: the files are about to be deleted. */
    synchronized void delete() {
        deleted = true;
    }

    private void emit(Container container, ContainerOutput output, ByteArrayOutputStream line) {
        var text = line.toString(StandardCharsets.UTF_8);
        line.reset();
        output.line(container, Instant.now(), stream, text.endsWith("\r") ? text.substring(0, text.length() - 1) : text);
    }

    /**
     * The app writes with O_APPEND, so after the truncation it goes on writing at the new end. What
     * it writes between the size check and the truncation (two system calls, once per
     * {@link #TRUNCATE_AFTER} bytes) is lost.
     */
    private void truncateWhenCopied() {
        if (offset < TRUNCATE_AFTER) {
            return;
        }
        try (var channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            var kept = FileTail.bytes(channel, offset, KEPT_BYTES);
            if (channel.size() != offset) {
                return;
            }
            channel.truncate(0);
            offset = 0;
            saveOffset();
            Files.write(keptFile, kept);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot truncate " + file, e);
        }
    }

    private long loadOffset() {
        if (offset < 0) {
            try {
                offset = Long.parseLong(Files.readString(offsetFile).trim());
            } catch (IOException | NumberFormatException e) {
                offset = 0;
            }
        }
        return offset;
    }

    private void saveOffset() {
        var temporary = offsetFile.resolveSibling(offsetFile.getFileName() + ".tmp");
        try {
            Files.writeString(temporary, Long.toString(offset));
            Files.move(temporary, offsetFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save how much of " + file + " was copied", e);
        }
    }
}
