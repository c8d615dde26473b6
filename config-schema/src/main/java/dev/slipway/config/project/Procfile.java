package dev.slipway.config.project;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A Heroku-style {@code Procfile}: one {@code type: command} line per process type. Slipway
 * starts the {@code web} process.
 *
 * @param processes every process line, in file order
 */
record Procfile(List<Process> processes) {

    static final String FILE_NAME = "Procfile";
    static final String WEB = "web";

    private static final Pattern LINE = Pattern.compile("([A-Za-z0-9_-]+)\\s*:\\s*(.*)");
    private static final String COMMENT = "#";

    /** One process line, at a 1-based line number. */
    record Process(String type, String command, int line) {
    }

    Procfile {
        processes = List.copyOf(processes);
    }

    /** Reads every {@code type: command} line; other lines (blank, comments, junk) are skipped. */
    static Procfile parse(String text) {
        var processes = new ArrayList<Process>();
        var lines = text.split("\\R", -1);
        for (var i = 0; i < lines.length; i++) {
            var line = lines[i].strip();
            var matcher = LINE.matcher(line);
            if (!line.startsWith(COMMENT) && matcher.matches()) {
                processes.add(new Process(matcher.group(1), matcher.group(2).strip(), i + 1));
            }
        }
        return new Procfile(processes);
    }

    /** The first {@code web} line. */
    Optional<Process> web() {
        return processes.stream().filter(p -> p.type().equals(WEB)).findFirst();
    }
}
