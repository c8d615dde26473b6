package dev.slipway.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The keys {@code apprunner.yaml} allows at each level, by path pattern: a dotted path where
 * {@code []} stands for any list item, e.g. {@code run.env[]}. Adding a key means adding it here,
 * reading it in the section's reader, and describing it in the reference and the JSON Schema
 * (tests compare the three).
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
    static final String MODELS = "models";
    static final String MODEL_ITEM = "models[]";
    static final String SLIPWAY = "slipway";
    static final String HEALTH_CHECK = "slipway.health-check";
    static final String SCALING = "slipway.scaling";
    static final String INSTANCE = "slipway.instance";

    /** The keys App Runner defines at the top level; the rest are Slipway's extensions. */
    static final List<String> APP_RUNNER_TOP = List.of("version", "runtime", "build", "run");

    private static final List<String> ENV_ITEM_KEYS = List.of("name", "value");
    private static final Map<String, List<String>> ALLOWED = allowed();

    private Keys() {
    }

    private static Map<String, List<String>> allowed() {
        var allowed = new LinkedHashMap<String, List<String>>();
        var top = new ArrayList<>(APP_RUNNER_TOP);
        top.addAll(List.of(MODELS, SLIPWAY));
        allowed.put(TOP, List.copyOf(top));
        allowed.put(BUILD, List.of("commands", "env"));
        allowed.put(COMMANDS, List.of("pre-build", "build", "post-build"));
        allowed.put(BUILD_ENV_ITEM, ENV_ITEM_KEYS);
        allowed.put(RUN, List.of("runtime-version", "pre-run", "command", "network", "env", "secrets"));
        allowed.put(NETWORK, List.of("port", "env"));
        allowed.put(RUN_ENV_ITEM, ENV_ITEM_KEYS);
        allowed.put(SECRET_ITEM, List.of("name", "value-from"));
        allowed.put(MODEL_ITEM, List.of("source", "target"));
        allowed.put(SLIPWAY, List.of("health-check", "scaling", "instance", "request-timeout"));
        allowed.put(HEALTH_CHECK, List.of("protocol", "path", "interval", "timeout", "healthy-threshold",
                "unhealthy-threshold", "grace-period"));
        allowed.put(SCALING, List.of("max-concurrency", "min-instances", "max-instances", "hard-limit",
                "stable-window", "scale-to-zero-after"));
        allowed.put(INSTANCE, List.of("cpu", "memory"));
        return Collections.unmodifiableMap(allowed);
    }

    /** The keys allowed in the map at {@code pattern}; empty for a level the schema does not know. */
    static List<String> allowedAt(String pattern) {
        return ALLOWED.getOrDefault(pattern, List.of());
    }

    /**
     * Every key path the parser reads, in file order, e.g. {@code run.network.port} and
     * {@code run.env[].name}.
     */
    static List<String> allPaths() {
        var paths = new ArrayList<String>();
        ALLOWED.forEach((level, keys) -> keys.forEach(key -> paths.add(join(level, key))));
        return List.copyOf(paths);
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
