package dev.slipway.config;

import dev.slipway.config.YamlNode.Entry;
import dev.slipway.config.YamlNode.Mapping;
import dev.slipway.config.YamlNode.Position;
import dev.slipway.config.YamlNode.Scalar;
import dev.slipway.config.YamlNode.Sequence;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/** Reads {@code build.env}, {@code run.env} and {@code run.secrets}: lists of named entries. */
final class EnvReader {

    private static final String NAME_EXAMPLE = "name: " + Examples.VARIABLE_NAME;

    private final Fields fields;
    private final Problems problems;

    EnvReader(Fields fields) {
        this.fields = fields;
        this.problems = fields.problems();
    }

    List<EnvVar> variables(Optional<Entry> entry, String path) {
        return entries(entry, path, Examples.ENV_ENTRY, "value", "value: info", EnvVar::new);
    }

    List<SecretRef> secrets(Optional<Entry> entry, String path) {
        return entries(entry, path, Examples.SECRET_ENTRY, "value-from", "value-from: db-password", SecretRef::new);
    }

    /** Reports an invalid variable name; true when the name is valid. */
    static boolean checkName(Problems problems, YamlNode value, String path, String name, String example) {
        if (EnvVar.isValidName(name)) {
            return true;
        }
        problems.error(value.at(), path, Messages.badVariableName(name, example));
        return false;
    }

    private <T> List<T> entries(Optional<Entry> maybeEntry, String path, String entryExample, String valueKey,
            String valueExample, BiFunction<String, String, T> create) {
        if (maybeEntry.isEmpty() || maybeEntry.get().value() instanceof Scalar s && s.isNull()) {
            return List.of();
        }
        var value = maybeEntry.get().value();
        if (!(value instanceof Sequence sequence)) {
            problems.error(value.at(), path, Messages.listOfEntriesExpected(value, entryExample));
            return List.of();
        }
        var result = new ArrayList<T>();
        var firstAt = new HashMap<String, Position>();
        for (var i = 0; i < sequence.items().size(); i++) {
            var item = sequence.items().get(i);
            var itemPath = path + "[" + i + "]";
            if (!(item instanceof Mapping map)) {
                problems.error(item.at(), itemPath, Messages.entryExpected(item, entryExample));
                continue;
            }
            fields.checkKeys(map, itemPath);
            if (valueKey.equals("value") && KeyChecker.isMisplacedSecret(map)) {
                continue;
            }
            var name = name(map, itemPath, firstAt);
            var entryValue = required(map, itemPath, valueKey, valueExample);
            if (name.isPresent() && entryValue.isPresent()) {
                result.add(create.apply(name.get(), entryValue.get()));
            }
        }
        return List.copyOf(result);
    }

    private Optional<String> name(Mapping item, String itemPath, Map<String, Position> firstAt) {
        var path = itemPath + ".name";
        var name = required(item, itemPath, "name", NAME_EXAMPLE);
        if (name.isEmpty() || !checkName(problems, item.get("name").orElseThrow().value(), path, name.get(),
                NAME_EXAMPLE)) {
            return Optional.empty();
        }
        var at = item.get("name").orElseThrow().value().at();
        var first = firstAt.putIfAbsent(name.get(), at);
        if (first != null) {
            problems.warning(at, path, Messages.duplicateVariable(name.get(), first));
        }
        return name;
    }

    private Optional<String> required(Mapping item, String itemPath, String key, String example) {
        var entry = item.get(key);
        if (entry.isEmpty()) {
            problems.error(item.at(), itemPath + "." + key, Messages.missing(example));
            return Optional.empty();
        }
        return fields.text(entry.get(), itemPath + "." + key, "a string", example);
    }
}
