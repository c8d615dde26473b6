package dev.slipway.platform.logs;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * An application log's files as they were at one moment, oldest first, open for reading up to the
 * newest line written then. Reads once; closes the files when done.
 */
final class AppLogSnapshot implements AutoCloseable {

    private final List<FileChannel> files;
    private final long upToSeq;
    private final JsonMapper json;

    AppLogSnapshot(List<FileChannel> files, long upToSeq, JsonMapper json) {
        this.files = files;
        this.upToSeq = upToSeq;
        this.json = json;
    }

    /** The lines that match {@code filter}, oldest first, then closes the files. */
    List<AppLogLine> read(AppLogFilter filter) {
        try (this) {
            var tail = filter.tail() == null ? Integer.MAX_VALUE : filter.tail();
            var lines = new ArrayDeque<AppLogLine>();
            forEachLine(line -> {
                if (filter.matches(line)) {
                    if (lines.size() == tail) {
                        lines.removeFirst();
                    }
                    lines.addLast(line);
                }
            });
            return new ArrayList<>(lines);
        }
    }

    /**
     * Calls {@code action} for each complete line up to the snapshot's newest. A line cut short
     * (Slipway stopped while writing it, or it is being written now) is skipped.
     */
    void forEachLine(Consumer<AppLogLine> action) {
        for (var file : files) {
            var reader = new BufferedReader(new InputStreamReader(Channels.newInputStream(file), StandardCharsets.UTF_8),
                    64 * 1024);
            try {
                String text;
                while ((text = reader.readLine()) != null) {
                    var line = parse(text);
                    if (line != null && line.seq() > upToSeq) {
                        return;
                    }
                    if (line != null) {
                        action.accept(line);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the application log: " + e.getMessage(), e);
            }
        }
    }

    @Override
    public void close() {
        for (var file : files) {
            try {
                file.close();
            } catch (IOException ignored) {
                // Only read from; nothing is lost.
            }
        }
    }

    private AppLogLine parse(String text) {
        if (text.isBlank()) {
            return null;
        }
        try {
            return json.readValue(text, AppLogLine.class);
        } catch (JacksonException e) {
            return null;
        }
    }
}
