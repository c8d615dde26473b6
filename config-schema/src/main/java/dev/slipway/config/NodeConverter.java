package dev.slipway.config;

import dev.slipway.config.YamlNode.Entry;
import dev.slipway.config.YamlNode.Mapping;
import dev.slipway.config.YamlNode.Position;
import dev.slipway.config.YamlNode.Scalar;
import dev.slipway.config.YamlNode.ScalarKind;
import dev.slipway.config.YamlNode.Sequence;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Turns composed SnakeYAML nodes into a {@link YamlNode} tree: applies merge keys, drops
 * duplicate keys, and reports custom tags, duplicates and recursive aliases with the dotted path
 * where they occur.
 */
final class NodeConverter {

    private static final String CORE_TAG_PREFIX = "tag:yaml.org,2002:";
    private static final Set<Tag> PLAIN_TAGS = Set.of(
            Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL, Tag.TIMESTAMP, Tag.SEQ, Tag.MAP, Tag.MERGE);

    private final Problems problems;
    // Aliases make the node graph a DAG; converting each node once keeps the work linear.
    private final Map<Node, YamlNode> converted = new IdentityHashMap<>();
    private final Set<Node> converting = Collections.newSetFromMap(new IdentityHashMap<>());

    NodeConverter(Problems problems) {
        this.problems = problems;
    }

    private static Position position(Node node) {
        return YamlLoader.position(node.getStartMark());
    }

    YamlNode convert(Node node, String path) {
        var done = converted.get(node);
        if (done != null) {
            return done;
        }
        if (!converting.add(node)) {
            problems.error(position(node), path, Messages.recursiveAlias());
            return new Scalar(position(node), "", ScalarKind.NULL);
        }
        checkTag(node, path);
        YamlNode result;
        if (node instanceof ScalarNode scalar) {
            result = new Scalar(position(node), scalar.getValue(), kind(scalar.getTag()));
        } else if (node instanceof SequenceNode sequence) {
            var items = new ArrayList<YamlNode>();
            for (var item : sequence.getValue()) {
                items.add(convert(item, path + "[" + items.size() + "]"));
            }
            result = new Sequence(position(node), items);
        } else {
            result = convertMapping((MappingNode) node, path);
        }
        converting.remove(node);
        converted.put(node, result);
        return result;
    }

    private Mapping convertMapping(MappingNode node, String path) {
        var entries = new ArrayList<Entry>();
        var merged = new ArrayList<Entry>();
        var firstAt = new HashMap<String, Position>();
        for (NodeTuple tuple : node.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode keyNode)) {
                problems.error(position(tuple.getKeyNode()), path, Messages.complexKey());
                continue;
            }
            if (keyNode.getTag().equals(Tag.MERGE)) {
                collectMerge(tuple.getValueNode(), path, merged);
                continue;
            }
            checkTag(keyNode, path);
            var key = keyNode.getValue();
            var keyPath = path.isEmpty() ? key : path + "." + key;
            var keyAt = position(keyNode);
            var value = convert(tuple.getValueNode(), keyPath);
            var first = firstAt.putIfAbsent(key, keyAt);
            if (first != null) {
                problems.error(keyAt, keyPath, Messages.duplicateKey(first));
            } else {
                entries.add(new Entry(key, keyAt, value));
            }
        }
        // Keys written in the map win over merged ones, and earlier merges win over later ones.
        for (var entry : merged) {
            if (firstAt.putIfAbsent(entry.key(), entry.keyAt()) == null) {
                entries.add(entry);
            }
        }
        return new Mapping(position(node), entries);
    }

    private void collectMerge(Node source, String path, List<Entry> merged) {
        var value = convert(source, path);
        var sources = value instanceof Sequence sequence ? sequence.items() : List.of(value);
        for (var item : sources) {
            if (item instanceof Mapping mapping) {
                merged.addAll(mapping.entries());
            } else {
                problems.error(item.at(), path, Messages.badMerge(YamlNode.describe(item)));
            }
        }
    }

    private void checkTag(Node node, String path) {
        var tag = node.getTag();
        if (!PLAIN_TAGS.contains(tag)) {
            var value = tag.getValue();
            var shown = value.startsWith(CORE_TAG_PREFIX) ? "!!" + value.substring(CORE_TAG_PREFIX.length()) : value;
            problems.error(position(node), path, Messages.customTag(shown));
        }
    }

    private static ScalarKind kind(Tag tag) {
        if (tag.equals(Tag.INT) || tag.equals(Tag.FLOAT)) {
            return ScalarKind.NUMBER;
        }
        if (tag.equals(Tag.BOOL)) {
            return ScalarKind.BOOLEAN;
        }
        return tag.equals(Tag.NULL) ? ScalarKind.NULL : ScalarKind.STRING;
    }
}
