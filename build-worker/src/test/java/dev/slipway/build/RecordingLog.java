package dev.slipway.build;

import dev.slipway.build.image.BuildLog;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A build log that keeps every line with its phase. */
public final class RecordingLog implements BuildLog {

    /** One logged line. */
    public record Line(String phase, String text) {
    }

    private final List<Line> lines = new CopyOnWriteArrayList<>();

    @Override
    public void line(String phase, String line) {
        lines.add(new Line(phase, line));
    }

    public List<Line> lines() {
        return List.copyOf(lines);
    }

    public List<String> texts() {
        return lines.stream().map(Line::text).toList();
    }
}
