package dev.slipway.config;

import java.util.List;
import java.util.Optional;

/**
 * A composed YAML document with every node's position, free of parser-library types. Mappings
 * keep their entries in file order with merge keys ({@code <<}) already applied and duplicates
 * already reported and dropped.
 */
sealed interface YamlNode permits YamlNode.Scalar, YamlNode.Sequence, YamlNode.Mapping {

    /** Where the node starts. */
    Position at();

    /** A 1-based line and column; {@link #FILE} for problems about the whole file. */
    record Position(int line, int column) {
        static final Position FILE = new Position(0, 0);
    }

    /** What YAML's core schema made of a scalar. The text is kept as written in every case. */
    enum ScalarKind {
        STRING, NUMBER, BOOLEAN, NULL
    }

    record Scalar(Position at, String text, ScalarKind kind) implements YamlNode {
        boolean isNull() {
            return kind == ScalarKind.NULL;
        }
    }

    record Sequence(Position at, List<YamlNode> items) implements YamlNode {
        public Sequence {
            items = List.copyOf(items);
        }
    }

    record Mapping(Position at, List<Entry> entries) implements YamlNode {
        public Mapping {
            entries = List.copyOf(entries);
        }

        Optional<Entry> get(String key) {
            return entries.stream().filter(e -> e.key().equals(key)).findFirst();
        }
    }

    /** One key of a mapping, where the key is written, and its value. */
    record Entry(String key, Position keyAt, YamlNode value) {
    }

    /** How messages name a node's type: "a string", "a list", "a map", ... */
    static String describe(YamlNode node) {
        if (node instanceof Sequence) {
            return "a list";
        }
        if (node instanceof Mapping) {
            return "a map";
        }
        return switch (((Scalar) node).kind()) {
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "true/false";
            case NULL -> "no value";
        };
    }
}
