package dev.slipway.build;

import dev.slipway.build.image.BuildLog;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A build log that keeps every line with its phase and stream. */
public final class RecordingLog implements BuildLog {

    /** One logged line, without its stream. */
    public record Line(String phase, String text) {
    }

    /** One logged line with its stream. */
    public record Entry(String phase, Stream stream, String text) {

        public Line line() {
            return new Line(phase, text);
        }
    }

    private final List<Entry> entries = new CopyOnWriteArrayList<>();

    @Override
    public void line(String phase, Stream stream, String line) {
        entries.add(new Entry(phase, stream, line));
    }

    /** Every line in order, streams left out. */
    public List<Line> lines() {
        return entries.stream().map(Entry::line).toList();
    }

    /** Every line in order, with its stream. */
    public List<Entry> entries() {
        return List.copyOf(entries);
    }

    /** The lines of one stream. */
    public List<Line> lines(Stream stream) {
        return entries.stream().filter(entry -> entry.stream() == stream).map(Entry::line).toList();
    }

    public List<String> texts() {
        return entries.stream().map(Entry::text).toList();
    }

    /** Every text, one per line, e.g. for a failure message. */
    public String dump() {
        var text = new StringBuilder();
        entries.forEach(entry -> text.append(entry.phase()).append(' ').append(entry.stream()).append(": ")
                .append(entry.text()).append('\n'));
        return text.toString();
    }
}
