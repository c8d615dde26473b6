package dev.slipway.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Edits that turn a valid or nearly valid apprunner.yaml into the kinds of broken files people push. */
final class DocumentMutations {

    /** What a mutation does to the document's lines. */
    enum Kind {
        DELETE_LINE, DUPLICATE_LINE, SWAP_LINES, INDENT, DEDENT, INSERT_TEXT, REPLACE_VALUE, ADD_TAG,
        ADD_ANCHOR_AND_ALIAS, ADD_MERGE, TRUNCATE
    }

    /**
     * One edit: {@code first} and {@code second} choose lines or positions (taken modulo the
     * document's size), {@code text} is inserted or used as a value or tag.
     */
    record Mutation(Kind kind, int first, int second, String text) {
    }

    /** YAML syntax and hostile values worth inserting. */
    static final List<String> FRAGMENTS = List.of(": ", "- ", "[", "]", "{", "}", "&a ", "*a", "*undefined",
            "<<: *a", "!Ref ", "!!binary ", "!!python/object:os.system ", "!!map ", "!<tag:x> ", "? ", "--- ", "...",
            "%YAML 1.1\n", "\t", "~", "null", "|", ">-", "'", "\"", "#", "\u00e9\u4e2d\ud83d\ude80", "\uFEFF", "\u0000",
            "0x1F", "1e400", "99999999999999999999", "-1", ".inf", "2024-01-01", "s3://", "../", "1 vCPU", "${PORT}",
            "[[[[[[[[[[[[[[[[[[[[", "{a: {b: {c: {d: ", "&b [*a, *a, *a, *a]", "&c {x: *b, y: *b}");

    private DocumentMutations() {
    }

    static String apply(String document, List<Mutation> mutations) {
        var lines = new ArrayList<>(Arrays.asList(document.split("\n", -1)));
        for (var mutation : mutations) {
            apply(lines, mutation);
        }
        return String.join("\n", lines);
    }

    private static void apply(List<String> lines, Mutation m) {
        if (lines.isEmpty()) {
            lines.add(m.text());
            return;
        }
        var i = Math.floorMod(m.first(), lines.size());
        var j = Math.floorMod(m.second(), lines.size());
        var line = lines.get(i);
        switch (m.kind()) {
            case DELETE_LINE -> lines.remove(i);
            case DUPLICATE_LINE -> lines.add(j, line);
            case SWAP_LINES -> {
                lines.set(i, lines.get(j));
                lines.set(j, line);
            }
            case INDENT -> lines.set(i, " ".repeat(1 + Math.floorMod(m.second(), 4)) + line);
            case DEDENT -> lines.set(i, line.substring(Math.min(line.length() - line.stripLeading().length(),
                    1 + Math.floorMod(m.second(), 4))));
            case INSERT_TEXT -> lines.set(i, insertAt(line, m.second(), m.text()));
            case REPLACE_VALUE -> lines.set(i, afterColon(line).map(at -> line.substring(0, at) + " " + m.text())
                    .orElse(line + m.text()));
            case ADD_TAG -> lines.set(i, afterColon(line).map(at -> line.substring(0, at) + " !" + tag(m.text())
                    + line.substring(at)).orElse(line));
            case ADD_ANCHOR_AND_ALIAS -> {
                lines.set(i, afterColon(line).map(at -> line.substring(0, at) + " &a" + line.substring(at)).orElse(line));
                var target = lines.get(j);
                lines.set(j, afterColon(target).map(at -> target.substring(0, at) + " *a").orElse(target));
            }
            case ADD_MERGE -> lines.add(j, indentation(lines.get(j)) + "<<: *a");
            case TRUNCATE -> lines.subList(i, lines.size()).clear();
        }
    }

    private static String insertAt(String line, int position, String text) {
        var at = Math.floorMod(position, line.length() + 1);
        return line.substring(0, at) + text + line.substring(at);
    }

    /** The index just after the first {@code :} of a key, if the line has one. */
    private static Optional<Integer> afterColon(String line) {
        var colon = line.indexOf(':');
        return colon < 0 ? Optional.empty() : Optional.of(colon + 1);
    }

    private static String tag(String text) {
        var name = text.replaceAll("[^A-Za-z0-9!/:.]", "");
        return name.isEmpty() ? "Sub" : name;
    }

    private static String indentation(String line) {
        return line.substring(0, line.length() - line.stripLeading().length());
    }
}
