package dev.slipway.config;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The keys {@code apprunner.yaml} allows at each level, by path pattern: a dotted path where
 * {@code []} stands for any list item, e.g. {@code run.env[]}. Adding a key means adding it here
 * and reading it in the section's reader.
 */
final class Keys {

    static final String TOP = "";
    static final String BUILD = "build";
    static final String COMMANDS = "build.commands";
    static final String BUILD_ENV_ITEM = "build.env[]";
    static final String RUN = "run";
    static final String NETWORK = "run.network";
    static final String RUN_ENV_ITEM = "run.env[]";
    static final String SECRET_ITEM = "run.secrets[]";

    private static final List<String> ENV_ITEM_KEYS = List.of("name", "value");
    private static final Map<String, List<String>> ALLOWED = allowed();

    private Keys() {
    }

    private static Map<String, List<String>> allowed() {
        var allowed = new LinkedHashMap<String, List<String>>();
        allowed.put(TOP, List.of("version", "runtime", "build", "run"));
        allowed.put(BUILD, List.of("commands", "env"));
        allowed.put(COMMANDS, List.of("pre-build", "build", "post-build"));
        allowed.put(BUILD_ENV_ITEM, ENV_ITEM_KEYS);
        allowed.put(RUN, List.of("runtime-version", "pre-run", "command", "network", "env", "secrets"));
        allowed.put(NETWORK, List.of("port", "env"));
        allowed.put(RUN_ENV_ITEM, ENV_ITEM_KEYS);
        allowed.put(SECRET_ITEM, List.of("name", "value-from"));
        return Map.copyOf(allowed);
    }

    /** The keys allowed in the map at {@code pattern}; empty for a level the schema does not know. */
    static List<String> allowedAt(String pattern) {
        return ALLOWED.getOrDefault(pattern, List.of());
    }

    /** The pattern of a concrete path: {@code run.env[2]} → {@code run.env[]}. */
    static String pattern(String path) {
        return path.replaceAll("\\[\\d+]", "[]");
    }

    static String join(String parent, String key) {
        return parent.isEmpty() ? key : parent + "." + key;
    }

    /** Every path, outside list entries, where a key named {@code key} is allowed, shortest first. */
    static List<String> pathsOf(String key) {
        return ALLOWED.entrySet().stream()
                .filter(level -> !level.getKey().endsWith("[]") && level.getValue().contains(key))
                .map(level -> join(level.getKey(), key))
                .sorted(Comparator.comparingInt(String::length).thenComparing(p -> p))
                .toList();
    }
}
