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

/** Reads the top-level {@code models} list: S3 sources and where they land in the app. */
final class ModelsReader {

    private static final String ENTRY_EXAMPLE = "{" + ExtensionMessages.SOURCE_EXAMPLE + ", "
            + ExtensionMessages.TARGET_EXAMPLE + "}";

    private final Fields fields;
    private final Problems problems;

    ModelsReader(Fields fields) {
        this.fields = fields;
        this.problems = fields.problems();
    }

    List<ModelSource> read(Optional<Entry> entry) {
        if (entry.isEmpty() || entry.get().value() instanceof Scalar scalar && scalar.isNull()) {
            return List.of();
        }
        var value = entry.get().value();
        if (!(value instanceof Sequence sequence)) {
            problems.error(value.at(), Keys.MODELS, Messages.listOfEntriesExpected(value, ENTRY_EXAMPLE));
            return List.of();
        }
        var models = new ArrayList<ModelSource>();
        var targets = new HashMap<String, Position>();
        for (var i = 0; i < sequence.items().size(); i++) {
            var item = sequence.items().get(i);
            var path = Keys.MODELS + "[" + i + "]";
            if (!(item instanceof Mapping map)) {
                problems.error(item.at(), path, Messages.entryExpected(item, ENTRY_EXAMPLE));
                continue;
            }
            fields.checkKeys(map, path);
            var source = required(map, path, "source", ExtensionMessages.SOURCE_EXAMPLE)
                    .filter(text -> check(ModelSource.isS3Uri(text), map, path + ".source",
                            ExtensionMessages.badSource(text)));
            var target = required(map, path, "target", ExtensionMessages.TARGET_EXAMPLE)
                    .filter(text -> check(ModelSource.staysInsideTheApp(text), map, path + ".target",
                            ExtensionMessages.badTarget(text)));
            if (source.isPresent() && target.isPresent()) {
                var model = new ModelSource(source.get(), target.get());
                warnAboutSecondUse(model.target(), map.get("target").orElseThrow().value().at(), path, targets);
                models.add(model);
            }
        }
        return List.copyOf(models);
    }

    private Optional<String> required(Mapping item, String path, String key, String example) {
        var entry = item.get(key);
        if (entry.isEmpty()) {
            problems.error(item.at(), path + "." + key, Messages.missing(example));
            return Optional.empty();
        }
        return fields.text(entry.get(), path + "." + key, "a string", example);
    }

    private boolean check(boolean valid, Mapping item, String path, String message) {
        if (!valid) {
            var key = path.substring(path.lastIndexOf('.') + 1);
            problems.error(item.get(key).orElseThrow().value().at(), path, message);
        }
        return valid;
    }

    private void warnAboutSecondUse(String target, Position at, String path, Map<String, Position> targets) {
        var first = targets.putIfAbsent(target, at);
        if (first != null) {
            problems.warning(at, path + ".target", ExtensionMessages.duplicateTarget(target, first));
        }
    }
}
