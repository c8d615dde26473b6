package dev.slipway.platform.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The rows {@code make bench-scale} prints, as a Markdown table for {@code docs/performance.md}. */
final class ScaleTable {

    /** No target: the row is reported, never missed. */
    static final String NONE = "—";

    private final List<Row> rows = new ArrayList<>();

    /** One measure on one runtime; {@code value} already formatted. */
    record Row(String runtime, String measure, String value, String target, String reference, boolean met) {
    }

    void add(String runtime, String measure, String value, String target, String reference, boolean met) {
        rows.add(new Row(runtime, measure, value, target, reference, met));
    }

    /** A row without a target. */
    void report(String runtime, String measure, String value, String reference) {
        add(runtime, measure, value, NONE, reference, true);
    }

    List<Row> rows() {
        return List.copyOf(rows);
    }

    boolean allMet() {
        return rows.stream().allMatch(Row::met);
    }

    String format() {
        var table = new StringBuilder("| runtime | measure | value | target | reference | met |\n")
                .append("|---|---|---:|---|---|---|\n");
        for (var row : rows) {
            table.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s |\n", row.runtime(),
                    row.measure(), row.value(), row.target(), row.reference(),
                    row.target().equals(NONE) ? NONE : row.met() ? "yes" : "NO"));
        }
        return table.toString();
    }

    /** Seconds with two decimals; "n/a" when not measured. */
    static String seconds(double value) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%.2f s", value);
    }
}
