package dev.slipway.platform.console;

import dev.slipway.config.ConfigProblem;
import dev.slipway.config.ValidationReport;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

/**
 * An {@code apprunner.yaml} checked by the config schema's validator (the one the API, the linter and a push use),
 * as the fragment {@code console/yaml-lines :: report(yaml)} shows it: the problems, and the text line by line with
 * each problem's line marked and linked ({@code #L12}).
 *
 * @param file     how problems name the file
 * @param lines    the text's lines, first line 1
 * @param problems every problem, in file order
 */
public record ValidatedYaml(String file, List<Line> lines, List<Problem> problems, int errors, int warnings) {

    /** Checks {@code text}, whose problems name it {@code file}. */
    public static ValidatedYaml of(String file, String text) {
        var report = ValidationReport.of(file, text);
        var byLine = new HashMap<Integer, List<ConfigProblem>>();
        var lastLine = 0;
        for (var problem : report.problems()) {
            byLine.computeIfAbsent(problem.line(), n -> new ArrayList<>()).add(problem);
            lastLine = Math.max(lastLine, problem.line());
        }
        var texts = text.isEmpty() ? new String[0] : text.split("\r\n|\r|\n", -1);
        var count = texts.length > 0 && texts[texts.length - 1].isEmpty() ? texts.length - 1 : texts.length;
        var lines = new ArrayList<Line>();
        // A problem past the last line (say, at the end of the file) still gets a line to mark.
        for (int n = 1; n <= Math.max(count, lastLine); n++) {
            lines.add(Line.of(n, n <= count ? texts[n - 1] : "", byLine.getOrDefault(n, List.of())));
        }
        var problems = report.problems().stream().map(p -> new Problem(p.line(), p.column(), p.severity().toString(),
                p.key(), p.message())).toList();
        return new ValidatedYaml(file, lines, problems, report.errorCount(), report.warningCount());
    }

    public boolean valid() {
        return errors == 0;
    }

    /** {@code 2 errors, 1 warning}. */
    public String summary() {
        return count(errors, "error") + ", " + count(warnings, "warning");
    }

    private static String count(int n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }

    /**
     * One line of the text.
     *
     * @param severity the worst severity of the line's problems ({@code error}, {@code warning}), or null
     * @param problems what its problems say
     */
    public record Line(int number, String text, String severity, List<String> problems) {

        static Line of(int number, String text, List<ConfigProblem> problems) {
            var severity = problems.stream().anyMatch(ConfigProblem::isError) ? "error"
                    : problems.isEmpty() ? null : "warning";
            return new Line(number, text, severity, problems.stream().map(p -> p.severity() + ": "
                    + (p.key().isEmpty() ? "" : p.key() + ": ") + p.message()).toList());
        }

        public String anchor() {
            return "L" + number;
        }

        public boolean marked() {
            return severity != null;
        }
    }

    /** One problem; {@code line} 0 when it concerns the whole file. */
    public record Problem(int line, int column, String severity, String key, String message) {

        public boolean located() {
            return line > 0;
        }

        /** {@code 12:5}, where the line's anchor links. */
        public String position() {
            return line + ":" + column;
        }

        public String href() {
            return "#L" + line;
        }
    }
}
