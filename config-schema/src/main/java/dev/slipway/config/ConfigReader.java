package dev.slipway.config;

import dev.slipway.config.YamlNode.Mapping;
import dev.slipway.config.YamlNode.Scalar;
import dev.slipway.config.runtime.ManagedRuntime;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.Set;

/** Reads the top level of an {@code apprunner.yaml} tree and hands the sections to their readers. */
final class ConfigReader {

    /** Keys that only an apprunner.yaml has at its top; {@code version} alone is shared with compose files. */
    private static final Set<String> DEFINING_KEYS = Set.of("runtime", "build", "run");
    private static final int KEYS_SHOWN = 5;

    private final Fields fields;
    private final Problems problems;

    ConfigReader(Problems problems) {
        this.problems = problems;
        this.fields = new Fields(problems);
    }

    /** Why a document is not an apprunner.yaml, and the first place that shows it. */
    record NotAConfig(YamlNode.Position at, String found) {
    }

    /**
     * Recognises a document that is not an apprunner.yaml at all (a compose file, a CloudFormation
     * template, a Dockerfile saved under the name), so it gets one error instead of one per key. A
     * map may be an apprunner.yaml when it has runtime, build or run, or no key but App Runner's
     * and Slipway's top-level keys.
     */
    static Optional<NotAConfig> notAConfig(YamlNode root) {
        if (!(root instanceof Mapping top)) {
            return Optional.of(new NotAConfig(root.at(), YamlNode.describe(root)));
        }
        var allowed = Keys.allowedAt(Keys.TOP);
        var keys = top.entries().stream().map(e -> Spelling.normalizeKey(e.key())).toList();
        if (keys.stream().anyMatch(DEFINING_KEYS::contains) || allowed.containsAll(keys)) {
            return Optional.empty();
        }
        var at = top.entries().stream().filter(e -> !allowed.contains(Spelling.normalizeKey(e.key()))).findFirst()
                .orElseThrow().keyAt();
        var shown = top.entries().stream().limit(KEYS_SHOWN).map(YamlNode.Entry::key).toList();
        var more = keys.size() > KEYS_SHOWN ? ", ..." : "";
        return Optional.of(new NotAConfig(at, "a map with keys " + String.join(", ", shown) + more));
    }

    /** The config when the whole file, including what was found while loading it, has no error. */
    Optional<AppRunnerConfig> read(Mapping top) {
        fields.checkKeys(top, Keys.TOP);
        var version = version(top);
        var runtime = runtime(top);
        var exampleRuntime = runtime.map(ManagedRuntime::fileName).orElse(Examples.RUNTIME);
        var build = new BuildReader(fields, exampleRuntime).read(top);
        var run = new RunReader(fields, exampleRuntime, runtime).read(top);
        var models = new ModelsReader(fields).read(top.get(Keys.MODELS));
        var slipway = new SlipwayReader(fields).read(top.get(Keys.SLIPWAY));
        if (problems.hasErrors()) {
            return Optional.empty();
        }
        return Optional.of(new AppRunnerConfig(version.orElseThrow(), runtime.orElseThrow().fileName(), build, run,
                models, slipway));
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

    private Optional<ManagedRuntime> runtime(Mapping top) {
        var example = "runtime: " + Examples.RUNTIME;
        var entry = top.get("runtime");
        if (entry.isEmpty()) {
            problems.error(top.at(), "runtime", Messages.missing(example));
            return Optional.empty();
        }
        var written = fields.text(entry.get(), "runtime", "a runtime name", example);
        if (written.isEmpty()) {
            return Optional.empty();
        }
        var at = entry.get().value().at();
        var resolved = RuntimeNames.resolve(written.get(), writtenRuntimeVersion(top));
        if (resolved.isEmpty()) {
            problems.error(at, "runtime", RuntimeNames.unknownRuntimeMessage(written.get()));
            return Optional.empty();
        }
        var runtime = resolved.get().runtime();
        if (resolved.get().match() == RuntimeNames.Match.ALIAS) {
            problems.warning(at, "runtime", Messages.runtimeAlias(written.get(), runtime.fileName()));
        }
        if (!runtime.appRunnerRuntime()) {
            problems.warning(at, "runtime", Messages.extensionRuntime(runtime.fileName(),
                    RuntimeNames.appRunnerDefault(runtime.language()).fileName()));
        }
        return Optional.of(runtime);
    }

    /** {@code run.runtime-version} as written, for choosing a runtime when the file names only a language. */
    private static Optional<String> writtenRuntimeVersion(Mapping top) {
        return top.get("run").map(YamlNode.Entry::value)
                .filter(Mapping.class::isInstance).map(Mapping.class::cast)
                .flatMap(run -> run.get("runtime-version"))
                .map(YamlNode.Entry::value)
                .filter(value -> value instanceof Scalar scalar && !scalar.isNull())
                .map(value -> ((Scalar) value).text());
    }
}
