package dev.slipway.config;

import dev.slipway.config.YamlNode.Mapping;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Warns about keys a level does not allow, suggesting where the key probably belongs. */
final class KeyChecker {

    /**
     * Service settings people put in the file, which App Runner ignores there: normalized key →
     * the Slipway key that holds the setting, or empty when Slipway has none.
     */
    private static final Map<String, String> SERVICE_SETTINGS = serviceSettings();
    private static final Set<String> SERVICE_SETTING_LEVELS = Set.of(Keys.TOP, Keys.RUN);
    private static final Set<String> ENV_ITEM_LEVELS = Set.of(Keys.BUILD_ENV_ITEM, Keys.RUN_ENV_ITEM);
    private static final String VALUE_FROM = "value-from";
    private static final String SECRETS = "run.secrets";
    /** Relative targets (starting with ".") are siblings of the unknown key. */
    private static final String SIBLING = ".";

    /**
     * Misplaced keys that spelling and same-name search do not place: normalized pattern of the
     * unknown key → where it belongs.
     */
    private static final Map<String, List<String>> MISPLACED = Map.ofEntries(
            Map.entry("environment", List.of("run.env")),
            Map.entry("env", List.of("build.env", "run.env")),
            Map.entry("run.environment", List.of("run.env")),
            Map.entry("build.environment", List.of("build.env")),
            Map.entry("start", List.of("run.command")),
            Map.entry("run.start", List.of("run.command")),
            Map.entry("run.ports", List.of("run.network.port")),
            Map.entry("run.secrets[].value", List.of(".value-from")),
            // CodeBuild's buildspec phase for installing tools.
            Map.entry("build.commands.install", List.of("build.commands.pre-build")),
            // App Runner's API names for the instance counts.
            Map.entry("slipway.scaling.min-size", List.of("slipway.scaling.min-instances")),
            Map.entry("slipway.scaling.minsize", List.of("slipway.scaling.min-instances")),
            Map.entry("slipway.scaling.max-size", List.of("slipway.scaling.max-instances")),
            Map.entry("slipway.scaling.maxsize", List.of("slipway.scaling.max-instances")));

    private final Problems problems;

    KeyChecker(Problems problems) {
        this.problems = problems;
    }

    /** Warns about every key of {@code map}, found at {@code path}, that its level does not allow. */
    void check(Mapping map, String path) {
        var allowed = Keys.allowedAt(Keys.pattern(path));
        for (var entry : map.entries()) {
            if (!allowed.contains(entry.key())) {
                problems.warning(entry.keyAt(), Keys.join(path, entry.key()), advice(path, entry.key(), allowed));
            }
        }
    }

    /** Whether an env entry's unknown keys make it a misplaced secret (then it is not read as a variable). */
    static boolean isMisplacedSecret(Mapping entry) {
        return entry.get(VALUE_FROM).isPresent() && entry.get("value").isEmpty();
    }

    static String advice(String parentPath, String key, List<String> allowed) {
        var parentPattern = Keys.pattern(parentPath);
        var name = Spelling.normalizeKey(key);
        if (SERVICE_SETTING_LEVELS.contains(parentPattern) && SERVICE_SETTINGS.containsKey(name)) {
            var slipwayKey = SERVICE_SETTINGS.get(name);
            return slipwayKey.isEmpty() ? Messages.serviceSettingWithoutEquivalent()
                    : Messages.serviceSetting(slipwayKey);
        }
        if (ENV_ITEM_LEVELS.contains(parentPattern) && name.equals(VALUE_FROM)) {
            return Messages.valueFromInEnv(SECRETS);
        }
        var moved = MISPLACED.get(Keys.join(parentPattern, name));
        if (moved != null) {
            return Messages.unknownKey(moved.stream()
                    .map(target -> target.startsWith(SIBLING) ? parentPath + target : target)
                    .toList());
        }
        var near = Spelling.closest(name, allowed, KeyChecker::allowedDistance);
        if (!near.isEmpty()) {
            return Messages.unknownKey(near.stream().map(k -> Keys.join(parentPath, k)).toList());
        }
        var self = Keys.join(parentPattern, name);
        var elsewhere = Keys.pathsOf(name).stream().filter(p -> !p.equals(self))
                .filter(p -> !isExtensionPath(p) || parentPattern.isEmpty() || isExtensionPath(parentPattern))
                .toList();
        var below = elsewhere.stream().filter(p -> !parentPattern.isEmpty() && p.startsWith(parentPattern + ".")).toList();
        if (!below.isEmpty()) {
            return Messages.unknownKey(below);
        }
        return elsewhere.isEmpty() ? Messages.unknownKeyAllowed(allowed) : Messages.unknownKey(elsewhere);
    }

    private static Map<String, String> serviceSettings() {
        var settings = new HashMap<String, String>();
        for (var key : List.of("health-check", "healthcheck", "health", "health-check-configuration",
                "healthcheckconfiguration", "healthcheck-configuration")) {
            settings.put(key, Keys.HEALTH_CHECK);
        }
        for (var key : List.of("scaling", "auto-scaling", "autoscaling", "auto-scaling-configuration",
                "autoscalingconfiguration", "autoscaling-configuration")) {
            settings.put(key, Keys.SCALING);
        }
        for (var key : List.of("instance", "instance-configuration", "instanceconfiguration", "instance-config")) {
            settings.put(key, Keys.INSTANCE);
        }
        settings.put("cpu", Keys.INSTANCE + ".cpu");
        settings.put("memory", Keys.INSTANCE + ".memory");
        settings.put("observability", "");
        settings.put("observability-configuration", "");
        return Map.copyOf(settings);
    }

    /** Whether a path is inside Slipway's own section, whose keys are not suggested from inside App Runner's. */
    private static boolean isExtensionPath(String path) {
        return path.equals(Keys.SLIPWAY) || path.startsWith(Keys.SLIPWAY + ".");
    }

    /** Short keys allow one typo, longer ones two. */
    private static int allowedDistance(String candidate) {
        return Math.max(1, Math.min(2, candidate.length() / 3));
    }
}
