package dev.slipway.config;

import dev.slipway.config.HealthCheckSettings.Protocol;
import dev.slipway.config.YamlNode.Entry;
import dev.slipway.config.YamlNode.Mapping;
import java.util.Locale;
import java.util.Optional;

/** Reads the top-level {@code slipway} section: health check, scaling and instance settings. */
final class SlipwayReader {

    private static final String HEALTH_CHECK_EXAMPLE = "health-check: {protocol: HTTP, path: /health}";
    private static final String SCALING_EXAMPLE = "scaling: {min-instances: 0, max-instances: 3}";
    private static final String INSTANCE_EXAMPLE = "instance: {" + ExtensionMessages.CPU_EXAMPLE + ", "
            + ExtensionMessages.MEMORY_EXAMPLE + "}";

    private final Fields fields;
    private final Problems problems;

    SlipwayReader(Fields fields) {
        this.fields = fields;
        this.problems = fields.problems();
    }

    SlipwaySection read(Optional<Entry> entry) {
        var section = entry.flatMap(e -> fields.section(e, Keys.SLIPWAY, "slipway: {" + HEALTH_CHECK_EXAMPLE + "}"));
        if (section.isEmpty()) {
            return SlipwaySection.defaults();
        }
        var slipway = section.get();
        fields.checkKeys(slipway, Keys.SLIPWAY);
        return new SlipwaySection(
                slipway.get("health-check").flatMap(this::healthCheck).orElse(HealthCheckSettings.defaults()),
                slipway.get("scaling").flatMap(this::scaling).orElse(ScalingSettings.defaults()),
                slipway.get("instance").flatMap(this::instance).orElse(InstanceSettings.defaults()),
                integer(slipway, Keys.SLIPWAY, "request-timeout", "a valid request timeout in seconds", 1,
                        SlipwaySection.MAX_REQUEST_TIMEOUT_SECONDS, SlipwaySection.DEFAULT_REQUEST_TIMEOUT_SECONDS));
    }

    private Optional<HealthCheckSettings> healthCheck(Entry entry) {
        return fields.section(entry, Keys.HEALTH_CHECK, HEALTH_CHECK_EXAMPLE).map(map -> {
            fields.checkKeys(map, Keys.HEALTH_CHECK);
            var protocol = map.get("protocol").flatMap(this::protocol).orElse(HealthCheckSettings.DEFAULT_PROTOCOL);
            var path = map.get("path").flatMap(this::path);
            if (path.isPresent() && protocol == Protocol.TCP) {
                problems.warning(map.get("path").orElseThrow().keyAt(), Keys.HEALTH_CHECK + ".path",
                        ExtensionMessages.pathWithTcp());
            }
            return new HealthCheckSettings(protocol, path.orElse(HealthCheckSettings.DEFAULT_PATH),
                    checkValue(map, "interval", "a valid interval", HealthCheckSettings.DEFAULT_INTERVAL_SECONDS),
                    checkValue(map, "timeout", "a valid timeout", HealthCheckSettings.DEFAULT_TIMEOUT_SECONDS),
                    checkValue(map, "healthy-threshold", "a valid threshold",
                            HealthCheckSettings.DEFAULT_HEALTHY_THRESHOLD),
                    checkValue(map, "unhealthy-threshold", "a valid threshold",
                            HealthCheckSettings.DEFAULT_UNHEALTHY_THRESHOLD),
                    integer(map, Keys.HEALTH_CHECK, "grace-period", "a valid grace period", 0,
                            HealthCheckSettings.MAX_GRACE_PERIOD_SECONDS,
                            HealthCheckSettings.DEFAULT_GRACE_PERIOD_SECONDS));
        });
    }

    private Optional<Protocol> protocol(Entry entry) {
        return fields.optionalText(entry, Keys.HEALTH_CHECK + ".protocol", "a protocol", "protocol: HTTP")
                .flatMap(text -> {
                    for (var protocol : Protocol.values()) {
                        if (protocol.name().equals(text.strip().toUpperCase(Locale.ROOT))) {
                            return Optional.of(protocol);
                        }
                    }
                    problems.error(entry.value().at(), Keys.HEALTH_CHECK + ".protocol",
                            ExtensionMessages.badProtocol(text));
                    return Optional.empty();
                });
    }

    private Optional<String> path(Entry entry) {
        return fields.optionalText(entry, Keys.HEALTH_CHECK + ".path", "a path", "path: /health").filter(path -> {
            if (path.startsWith(HealthCheckSettings.DEFAULT_PATH)) {
                return true;
            }
            problems.error(entry.value().at(), Keys.HEALTH_CHECK + ".path", ExtensionMessages.badPath(path));
            return false;
        });
    }

    private int checkValue(Mapping map, String key, String what, int defaultValue) {
        return integer(map, Keys.HEALTH_CHECK, key, what, HealthCheckSettings.MIN_VALUE, HealthCheckSettings.MAX_VALUE,
                defaultValue);
    }

    private Optional<ScalingSettings> scaling(Entry entry) {
        return fields.section(entry, Keys.SCALING, SCALING_EXAMPLE).map(map -> {
            fields.checkKeys(map, Keys.SCALING);
            var concurrency = integer(map, Keys.SCALING, "max-concurrency", "a valid concurrency",
                    ScalingSettings.LOWEST_MAX_CONCURRENCY, ScalingSettings.HIGHEST_MAX_CONCURRENCY,
                    ScalingSettings.DEFAULT_MAX_CONCURRENCY);
            var min = integer(map, Keys.SCALING, "min-instances", "a valid number of instances",
                    ScalingSettings.LOWEST_MIN_INSTANCES, ScalingSettings.HIGHEST_MIN_INSTANCES,
                    ScalingSettings.DEFAULT_MIN_INSTANCES);
            var max = integer(map, Keys.SCALING, "max-instances", "a valid number of instances",
                    ScalingSettings.LOWEST_MAX_INSTANCES, Integer.MAX_VALUE, ScalingSettings.DEFAULT_MAX_INSTANCES);
            if (min > max) {
                var at = map.get("min-instances").or(() -> map.get("max-instances")).orElseThrow().value().at();
                problems.error(at, Keys.SCALING + ".min-instances", ExtensionMessages.minAboveMax(min, max));
                return ScalingSettings.defaults();
            }
            var hardLimit = map.get("hard-limit").flatMap(e -> fields.integer(e, Keys.SCALING + ".hard-limit",
                    "a valid number of requests", 1, ScalingSettings.HIGHEST_HARD_LIMIT, "hard-limit: 1")).orElse(0);
            var stableWindow = integer(map, Keys.SCALING, "stable-window", "a valid window in seconds", 1,
                    ScalingSettings.HIGHEST_STABLE_WINDOW_SECONDS, ScalingSettings.DEFAULT_STABLE_WINDOW_SECONDS);
            var toZero = integer(map, Keys.SCALING, "scale-to-zero-after", "a valid idle time in seconds", 1,
                    ScalingSettings.HIGHEST_SCALE_TO_ZERO_AFTER_SECONDS,
                    ScalingSettings.DEFAULT_SCALE_TO_ZERO_AFTER_SECONDS);
            return new ScalingSettings(concurrency, min, max, hardLimit, stableWindow, toZero);
        });
    }

    private Optional<InstanceSettings> instance(Entry entry) {
        return fields.section(entry, Keys.INSTANCE, INSTANCE_EXAMPLE).map(map -> {
            fields.checkKeys(map, Keys.INSTANCE);
            var errorsBefore = problems.errorCount();
            var cpu = map.get("cpu").flatMap(e -> size(e, "cpu", ExtensionMessages.CPU_EXAMPLE)
                    .flatMap(text -> InstanceValues.cpuMillicores(text)
                            .or(() -> invalid(e, "cpu", ExtensionMessages.badCpu(text)))))
                    .orElse(InstanceSettings.DEFAULT_CPU_MILLICORES);
            var memory = map.get("memory").flatMap(e -> size(e, "memory", ExtensionMessages.MEMORY_EXAMPLE)
                    .flatMap(text -> InstanceValues.memoryMib(text)
                            .or(() -> invalid(e, "memory", ExtensionMessages.badMemory(text)))))
                    .orElse(InstanceSettings.DEFAULT_MEMORY_MIB);
            var instance = new InstanceSettings(cpu, memory);
            if (problems.errorCount() == errorsBefore && !instance.appRunnerOffers()) {
                problems.warning(entry.keyAt(), Keys.INSTANCE, ExtensionMessages.sizeNotOffered(instance));
            }
            return instance;
        });
    }

    private Optional<String> size(Entry entry, String key, String example) {
        return fields.optionalText(entry, Keys.INSTANCE + "." + key, "a size", example);
    }

    private Optional<Integer> invalid(Entry entry, String key, String message) {
        problems.error(entry.value().at(), Keys.INSTANCE + "." + key, message);
        return Optional.empty();
    }

    private int integer(Mapping map, String section, String key, String what, int min, int max, int defaultValue) {
        var example = key + ": " + defaultValue;
        return map.get(key).flatMap(e -> fields.integer(e, section + "." + key, what, min, max, example))
                .orElse(defaultValue);
    }
}
