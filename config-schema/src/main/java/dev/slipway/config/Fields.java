package dev.slipway.config;

import dev.slipway.config.YamlNode.Entry;
import dev.slipway.config.YamlNode.Mapping;
import dev.slipway.config.YamlNode.Scalar;
import dev.slipway.config.YamlNode.Sequence;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads typed values out of {@link YamlNode}s for the section readers, reporting every mismatch.
 * Numbers and booleans read as their text wherever a string is expected, as App Runner does.
 */
final class Fields {

    private static final String TRAILING_LINE_BREAKS = "[\\r\\n]+$";
    private static final Pattern DIGITS = Pattern.compile("\\d{1,9}");

    private final Problems problems;
    private final KeyChecker keys;

    Fields(Problems problems) {
        this.problems = problems;
        this.keys = new KeyChecker(problems);
    }

    Problems problems() {
        return problems;
    }

    void checkKeys(Mapping map, String path) {
        keys.check(map, path);
    }

    /** A section's map; a key with no value reads as an empty map, any other type is an error. */
    Optional<Mapping> section(Entry entry, String path, String example) {
        if (entry.value() instanceof Mapping map) {
            return Optional.of(map);
        }
        if (entry.value() instanceof Scalar scalar && scalar.isNull()) {
            return Optional.of(new Mapping(entry.keyAt(), List.of()));
        }
        problems.error(entry.value().at(), path, Messages.wrongType("a map", entry.value(), example));
        return Optional.empty();
    }

    /** A required scalar's text; no value or a list or map is an error. */
    Optional<String> text(Entry entry, String path, String expected, String example) {
        if (entry.value() instanceof Scalar scalar) {
            if (!scalar.isNull()) {
                return Optional.of(scalar.text());
            }
            problems.error(entry.keyAt(), path, Messages.noValue(example));
            return Optional.empty();
        }
        problems.error(entry.value().at(), path, Messages.wrongType(expected, entry.value(), example));
        return Optional.empty();
    }

    /** An optional scalar's text; no value is a warning (the key is ignored). */
    Optional<String> optionalText(Entry entry, String path, String expected, String example) {
        if (entry.value() instanceof Scalar scalar && scalar.isNull()) {
            problems.warning(entry.keyAt(), path, Messages.noValueIgnored());
            return Optional.empty();
        }
        return text(entry, path, expected, example);
    }

    /**
     * An optional integer from {@code min} to {@code max}, written as a number or a string of
     * digits; no value is a warning, anything else an error.
     *
     * @param what how the message names a valid value, e.g. "a port number"
     */
    Optional<Integer> integer(Entry entry, String path, String what, int min, int max, String example) {
        var text = optionalText(entry, path, "an integer", example);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        var digits = text.get().strip();
        if (DIGITS.matcher(digits).matches()) {
            var value = Integer.parseInt(digits);
            if (value >= min && value <= max) {
                return Optional.of(value);
            }
        }
        problems.error(entry.value().at(), path, Messages.badInteger(text.get(), what, min, max, example));
        return Optional.empty();
    }

    /**
     * A list of commands. A single string is one command (with a warning); the caller reports a
     * missing required key, this method an empty required list.
     */
    List<String> commands(Optional<Entry> maybeEntry, String path, boolean required, String example) {
        if (maybeEntry.isEmpty()) {
            return List.of();
        }
        var entry = maybeEntry.get();
        var value = entry.value();
        if (value instanceof Scalar scalar && !scalar.isNull()) {
            problems.warning(value.at(), path, Messages.singleCommand());
            return List.of(command(scalar));
        }
        var commands = new ArrayList<String>();
        if (value instanceof Sequence sequence) {
            for (var i = 0; i < sequence.items().size(); i++) {
                var item = sequence.items().get(i);
                var itemPath = path + "[" + i + "]";
                if (item instanceof Scalar scalar && !scalar.isNull()) {
                    commands.add(command(scalar));
                } else if (item instanceof Scalar) {
                    problems.warning(item.at(), itemPath, Messages.commandExpected(item, example));
                } else {
                    problems.error(item.at(), itemPath, Messages.commandExpected(item, example));
                }
            }
        } else if (value instanceof Mapping) {
            problems.error(value.at(), path, Messages.wrongType("a list of commands", value, "- " + example));
            return List.of();
        }
        var noItems = !(value instanceof Sequence sequence) || sequence.items().isEmpty();
        if (required && noItems) {
            problems.warning(entry.keyAt(), path, Messages.noCommands(example));
        }
        return List.copyOf(commands);
    }

    /** A command as written; a block scalar's final line break is not part of it. */
    static String command(Scalar scalar) {
        return scalar.text().replaceAll(TRAILING_LINE_BREAKS, "");
    }
}
