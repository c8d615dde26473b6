package dev.slipway.config;

import dev.slipway.config.YamlNode.Entry;
import dev.slipway.config.YamlNode.Mapping;
import dev.slipway.config.YamlNode.Scalar;
import dev.slipway.config.YamlNode.Sequence;
import dev.slipway.config.runtime.ManagedRuntime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads the {@code run} section: start command, pre-run, network, environment and secrets. */
final class RunReader {

    private static final Pattern VERSION_NUMBER = Pattern.compile("\\d{1,9}(\\.\\d{1,9})*");
    /** A version written with a language name in front, e.g. {@code go1.21.0} or {@code java21}. */
    private static final Pattern PREFIXED_VERSION = Pattern.compile("[A-Za-z]+[ _-]?(\\d{1,9}(\\.\\d{1,9})*)");
    private static final int MIN_PORT = 1;
    private static final int MAX_PORT = 65535;
    private static final String PORT_EXAMPLE = "port: " + NetworkSection.DEFAULT_PORT;

    private final Fields fields;
    private final Problems problems;
    private final Optional<ManagedRuntime> runtime;
    private final String buildCommand;
    private final String startCommand;

    /**
     * @param exampleRuntime the runtime name whose commands examples show
     * @param runtime        the file's runtime, when it names a known one
     */
    RunReader(Fields fields, String exampleRuntime, Optional<ManagedRuntime> runtime) {
        this.fields = fields;
        this.problems = fields.problems();
        this.runtime = runtime;
        this.buildCommand = Examples.buildCommand(exampleRuntime);
        this.startCommand = Examples.startCommand(exampleRuntime);
    }

    RunSection read(Mapping top) {
        var entry = top.get("run");
        var example = "run: {command: " + startCommand + "}";
        if (entry.isEmpty()) {
            problems.error(top.at(), "run", Messages.missing(example));
            return placeholder();
        }
        var section = fields.section(entry.get(), "run", example);
        if (section.isEmpty()) {
            return placeholder();
        }
        var run = section.get();
        fields.checkKeys(run, Keys.RUN);
        var envReader = new EnvReader(fields);
        return new RunSection(
                run.get("runtime-version").flatMap(this::runtimeVersion),
                preRun(run.get("pre-run")),
                command(run, entry.get()),
                run.get("network").map(this::network).orElse(NetworkSection.defaults()),
                envReader.variables(run.get("env"), "run.env"),
                envReader.secrets(run.get("secrets"), "run.secrets"));
    }

    private static RunSection placeholder() {
        return new RunSection(Optional.empty(), List.of(), "", NetworkSection.defaults(), List.of(), List.of());
    }

    /** Kept as written ({@code 3.10} stays "3.10", not the number 3.1), without a language name in front. */
    private Optional<String> runtimeVersion(Entry entry) {
        var path = "run.runtime-version";
        var written = fields.optionalText(entry, path, "a version number", "runtime-version: 3.11");
        if (written.isEmpty()) {
            return written;
        }
        var at = entry.value().at();
        var version = written.get().strip();
        if (!VERSION_NUMBER.matcher(version).matches()) {
            var prefixed = PREFIXED_VERSION.matcher(version);
            if (!prefixed.matches()) {
                problems.warning(at, path, Messages.runtimeVersionFormat(written.get()));
                return written;
            }
            version = prefixed.group(1);
            problems.warning(at, path, Messages.runtimeVersionPrefixed(written.get(), version));
        }
        var number = version;
        runtime.filter(r -> !r.acceptsVersion(number)).ifPresent(r -> problems.warning(at, path,
                Messages.runtimeVersionMismatch(number, r.fileName(), r.description(),
                        runtimeWithVersion(r.language(), number).map(ManagedRuntime::fileName).orElse(""))));
        return Optional.of(version);
    }

    /** The first runtime of a language, App Runner's before Slipway's, that provides the version. */
    private static Optional<ManagedRuntime> runtimeWithVersion(ManagedRuntime.Language language, String version) {
        return Arrays.stream(ManagedRuntime.values())
                .filter(r -> r.language() == language && r.providesVersion(version))
                .findFirst();
    }

    private List<String> preRun(Optional<Entry> entry) {
        var commands = fields.commands(entry, "run.pre-run", false, buildCommand);
        runtime.filter(r -> !r.revisedBuild() && !commands.isEmpty()).ifPresent(r -> problems.warning(
                entry.orElseThrow().keyAt(), "run.pre-run",
                Messages.preRunOnOriginalBuild(r.fileName(), revisedRuntime(r.language()).orElse(""))));
        return commands;
    }

    /** The newest revised-build runtime of a language, App Runner's preferred. */
    private static Optional<String> revisedRuntime(ManagedRuntime.Language language) {
        var revised = Arrays.stream(ManagedRuntime.values())
                .filter(r -> r.language() == language && r.revisedBuild()).toList();
        return revised.stream().filter(ManagedRuntime::appRunnerRuntime).reduce((a, b) -> b)
                .or(() -> revised.stream().reduce((a, b) -> b))
                .map(ManagedRuntime::fileName);
    }

    private String command(Mapping run, Entry runEntry) {
        var example = "command: " + startCommand;
        var entry = run.get("command");
        if (entry.isEmpty()) {
            problems.error(runEntry.keyAt(), "run.command", Messages.missingUnder("run", example));
            return "";
        }
        var value = entry.get().value();
        if (value instanceof Sequence) {
            problems.error(value.at(), "run.command", Messages.commandIsList(buildCommand + " && " + startCommand));
            return "";
        }
        if (fields.text(entry.get(), "run.command", "a command", example).isEmpty()) {
            return "";
        }
        var command = Fields.command((Scalar) value);
        if (command.isBlank()) {
            problems.error(value.at(), "run.command", Messages.emptyCommand(startCommand));
        }
        return command;
    }

    private NetworkSection network(Entry entry) {
        var section = fields.section(entry, "run.network", "network: {" + PORT_EXAMPLE + "}");
        if (section.isEmpty()) {
            return NetworkSection.defaults();
        }
        var network = section.get();
        fields.checkKeys(network, Keys.NETWORK);
        var port = network.get("port")
                .flatMap(p -> fields.integer(p, "run.network.port", "a port number", MIN_PORT, MAX_PORT, PORT_EXAMPLE))
                .orElse(NetworkSection.DEFAULT_PORT);
        var variable = network.get("env").flatMap(env -> fields
                .optionalText(env, "run.network.env", "a variable name", "env: " + Examples.PORT_VARIABLE)
                .filter(name -> EnvReader.checkName(problems, env.value(), "run.network.env", name,
                        "env: " + Examples.PORT_VARIABLE)));
        return new NetworkSection(port, variable);
    }
}
