package dev.slipway.config;

import dev.slipway.config.YamlNode.Mapping;
import dev.slipway.config.YamlNode.Scalar;
import dev.slipway.config.YamlNode.ScalarKind;
import dev.slipway.config.YamlNode.Sequence;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads {@code docs/apprunner.schema.json} for tests: the key paths it describes, the keywords it
 * uses, and a structural check of a YAML document against it. Supports exactly the keywords in
 * {@link #KEYWORDS}, which is all the schema may use.
 */
final class SchemaCheck {

    static final Set<String> KEYWORDS = Set.of("$schema", "$id", "$defs", "$ref", "title", "description", "type",
            "required", "additionalProperties", "properties", "items", "enum", "minimum", "maximum", "pattern",
            "anyOf", "default", "examples");
    private static final String REF_PREFIX = "#/$defs/";
    private static final Pattern INTEGER = Pattern.compile("-?\\d+");

    private final Map<String, Object> root;

    SchemaCheck(String json) {
        this.root = map(MiniJson.parse(json));
    }

    Map<String, Object> root() {
        return root;
    }

    /** Every key path the schema describes, in the parser's notation: {@code run.env[].name}. */
    Set<String> keyPaths() {
        var paths = new LinkedHashSet<String>();
        walk(root, "", paths);
        return paths;
    }

    /** Every keyword used by any schema object. */
    Set<String> keywords() {
        var keywords = new LinkedHashSet<String>();
        collectKeywords(root, keywords);
        return keywords;
    }

    /** Each property's schema, by key path, for checking descriptions. */
    Map<String, Map<String, Object>> properties() {
        var properties = new LinkedHashMap<String, Map<String, Object>>();
        collectProperties(root, "", properties);
        return properties;
    }

    /** Where {@code document} breaks the schema; empty when it conforms. */
    List<String> violations(YamlNode document) {
        var violations = new ArrayList<String>();
        check(document, root, "", violations);
        return violations;
    }

    private void walk(Map<String, Object> schema, String path, Set<String> paths) {
        var node = resolve(schema);
        if (node.get("properties") instanceof Map<?, ?> properties) {
            properties.forEach((key, sub) -> {
                var child = Keys.join(path, (String) key);
                paths.add(child);
                walk(map(sub), child, paths);
            });
        }
        if (node.get("items") instanceof Map<?, ?> items) {
            walk(map(items), path + "[]", paths);
        }
        if (node.get("anyOf") instanceof List<?> branches) {
            branches.forEach(branch -> walk(map(branch), path, paths));
        }
    }

    private void collectProperties(Map<String, Object> schema, String path,
            Map<String, Map<String, Object>> properties) {
        var node = resolve(schema);
        if (node.get("properties") instanceof Map<?, ?> children) {
            children.forEach((key, sub) -> {
                var child = Keys.join(path, (String) key);
                properties.put(child, map(sub));
                collectProperties(map(sub), child, properties);
            });
        }
        if (node.get("items") instanceof Map<?, ?> items) {
            collectProperties(map(items), path + "[]", properties);
        }
    }

    private void collectKeywords(Map<String, Object> schema, Set<String> keywords) {
        schema.forEach((keyword, value) -> {
            keywords.add(keyword);
            switch (keyword) {
                case "properties", "$defs" -> map(value).values().forEach(sub -> collectKeywords(map(sub), keywords));
                case "items" -> collectKeywords(map(value), keywords);
                case "anyOf" -> ((List<?>) value).forEach(sub -> collectKeywords(map(sub), keywords));
                default -> {
                }
            }
        });
    }

    private void check(YamlNode value, Map<String, Object> schema, String path, List<String> violations) {
        if (schema.containsKey("$ref")) {
            check(value, resolve(schema), path, violations);
        }
        if (schema.get("type") != null && !typeMatches(value, schema.get("type"))) {
            violations.add(path + ": " + YamlNode.describe(value) + " is not of type " + schema.get("type"));
            return;
        }
        if (schema.get("enum") instanceof List<?> values && values.stream().noneMatch(v -> equal(value, v))) {
            violations.add(path + ": " + text(value) + " is not one of " + values);
        }
        if (value instanceof Scalar scalar && scalar.kind() == ScalarKind.NUMBER) {
            var number = new BigDecimal(scalar.text());
            if (schema.get("minimum") instanceof BigDecimal min && number.compareTo(min) < 0
                    || schema.get("maximum") instanceof BigDecimal max && number.compareTo(max) > 0) {
                violations.add(path + ": " + number + " is out of range");
            }
        }
        if (value instanceof Scalar scalar && scalar.kind() == ScalarKind.STRING
                && schema.get("pattern") instanceof String pattern && !Pattern.compile(pattern).matcher(scalar.text())
                .find()) {
            violations.add(path + ": \"" + scalar.text() + "\" does not match " + pattern);
        }
        if (schema.get("anyOf") instanceof List<?> branches && branches.stream().noneMatch(branch -> {
            var branchViolations = new ArrayList<String>();
            check(value, map(branch), path, branchViolations);
            return branchViolations.isEmpty();
        })) {
            violations.add(path + ": " + text(value) + " matches none of anyOf");
        }
        if (value instanceof Mapping mapping) {
            checkObject(mapping, schema, path, violations);
        }
        if (value instanceof Sequence sequence && schema.get("items") instanceof Map<?, ?> items) {
            for (var i = 0; i < sequence.items().size(); i++) {
                check(sequence.items().get(i), map(items), path + "[" + i + "]", violations);
            }
        }
    }

    private void checkObject(Mapping mapping, Map<String, Object> schema, String path, List<String> violations) {
        var properties = schema.get("properties") instanceof Map<?, ?> p ? map(p) : Map.<String, Object>of();
        if (schema.get("required") instanceof List<?> required) {
            required.stream().filter(key -> mapping.get((String) key).isEmpty())
                    .forEach(key -> violations.add(Keys.join(path, (String) key) + ": required"));
        }
        for (var entry : mapping.entries()) {
            var key = Keys.join(path, entry.key());
            if (properties.containsKey(entry.key())) {
                check(entry.value(), map(properties.get(entry.key())), key, violations);
            } else if (Boolean.FALSE.equals(schema.get("additionalProperties"))) {
                violations.add(key + ": not allowed");
            }
        }
    }

    private static boolean typeMatches(YamlNode value, Object type) {
        var types = type instanceof List<?> list ? list : List.of(type);
        return types.contains(jsonType(value)) || jsonType(value).equals("integer") && types.contains("number");
    }

    private static String jsonType(YamlNode value) {
        if (value instanceof Mapping) {
            return "object";
        }
        if (value instanceof Sequence) {
            return "array";
        }
        var scalar = (Scalar) value;
        return switch (scalar.kind()) {
            case STRING -> "string";
            case BOOLEAN -> "boolean";
            case NULL -> "null";
            case NUMBER -> INTEGER.matcher(scalar.text()).matches() ? "integer" : "number";
        };
    }

    private static boolean equal(YamlNode value, Object expected) {
        if (!(value instanceof Scalar scalar)) {
            return false;
        }
        if (expected instanceof BigDecimal number) {
            return scalar.kind() == ScalarKind.NUMBER && new BigDecimal(scalar.text()).compareTo(number) == 0;
        }
        return scalar.kind() == ScalarKind.STRING && scalar.text().equals(expected);
    }

    private static String text(YamlNode value) {
        return value instanceof Scalar scalar ? "\"" + scalar.text() + "\"" : YamlNode.describe(value);
    }

    private Map<String, Object> resolve(Map<String, Object> schema) {
        if (!(schema.get("$ref") instanceof String ref)) {
            return schema;
        }
        if (!ref.startsWith(REF_PREFIX)) {
            throw new IllegalArgumentException("only " + REF_PREFIX + "… references are supported: " + ref);
        }
        return map(map(root.get("$defs")).get(ref.substring(REF_PREFIX.length())));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }
}
