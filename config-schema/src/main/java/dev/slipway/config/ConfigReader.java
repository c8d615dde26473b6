package dev.slipway.config;

import dev.slipway.config.YamlNode.Mapping;
import dev.slipway.config.runtime.ManagedRuntime;
import java.math.BigDecimal;
import java.util.Optional;

/** Reads the top level of an {@code apprunner.yaml} tree and hands the sections to their readers. */
final class ConfigReader {

    private final Fields fields;
    private final Problems problems;

    ConfigReader(Problems problems) {
        this.problems = problems;
        this.fields = new Fields(problems);
    }

    /** The config when the whole file, including what was found while loading it, has no error. */
    Optional<AppRunnerConfig> read(YamlNode root) {
        if (!(root instanceof Mapping top)) {
            problems.error(root.at(), "", Messages.notAConfig(YamlNode.describe(root)));
            return Optional.empty();
        }
        if (Keys.allowedAt(Keys.TOP).stream().noneMatch(key -> top.get(key).isPresent())) {
            // Another tool's file (compose, CloudFormation, ...): one error, not one per key.
            problems.error(root.at(), "", Messages.notAConfig(Messages.MAP_WITHOUT_KEYS));
            return Optional.empty();
        }
        fields.checkKeys(top, Keys.TOP);
        var version = version(top);
        var runtime = runtime(top);
        var exampleRuntime = runtime.orElse(Examples.RUNTIME);
        var build = new BuildReader(fields, exampleRuntime).read(top);
        var run = new RunReader(fields, exampleRuntime).read(top);
        if (problems.hasErrors()) {
            return Optional.empty();
        }
        return Optional.of(new AppRunnerConfig(version.orElseThrow(), runtime.orElseThrow(), build, run));
    }

    private Optional<String> version(Mapping top) {
        var example = "version: " + Messages.KNOWN_VERSION;
        var entry = top.get("version");
        if (entry.isEmpty()) {
            problems.error(top.at(), "version", Messages.missing(example));
            return Optional.empty();
        }
        var version = fields.text(entry.get(), "version", "a version number", example);
        version.filter(v -> !isKnownVersion(v))
                .ifPresent(v -> problems.warning(entry.get().value().at(), "version", Messages.versionNotKnown(v)));
        return version;
    }

    /** 1.0 however it is written: 1, 1.0, "1.0", 1.00. */
    private static boolean isKnownVersion(String version) {
        try {
            return new BigDecimal(version.strip()).compareTo(new BigDecimal(Messages.KNOWN_VERSION)) == 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private Optional<String> runtime(Mapping top) {
        var example = "runtime: " + Examples.RUNTIME;
        var entry = top.get("runtime");
        if (entry.isEmpty()) {
            problems.error(top.at(), "runtime", Messages.missing(example));
            return Optional.empty();
        }
        var runtime = fields.text(entry.get(), "runtime", "a runtime name", example);
        if (runtime.isPresent() && ManagedRuntime.fromFileName(runtime.get()).isEmpty()) {
            problems.error(entry.get().value().at(), "runtime", RuntimeNames.unknownRuntimeMessage(runtime.get()));
            return Optional.empty();
        }
        return runtime;
    }
}
