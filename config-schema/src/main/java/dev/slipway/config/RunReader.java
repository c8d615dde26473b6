package dev.slipway.config;

import dev.slipway.config.YamlNode.Entry;
import dev.slipway.config.YamlNode.Mapping;
import dev.slipway.config.YamlNode.Scalar;
import dev.slipway.config.YamlNode.Sequence;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads the {@code run} section: start command, pre-run, network, environment and secrets. */
final class RunReader {

    private static final Pattern VERSION_NUMBER = Pattern.compile("\\d+(\\.\\d+)*");
    private static final Pattern DIGITS = Pattern.compile("\\d{1,5}");
    private static final int MIN_PORT = 1;
    private static final int MAX_PORT = 65535;
    private static final String PORT_EXAMPLE = "port: " + NetworkSection.DEFAULT_PORT;

    private final Fields fields;
    private final Problems problems;
    private final String buildCommand;
    private final String startCommand;

    RunReader(Fields fields, String runtime) {
        this.fields = fields;
        this.problems = fields.problems();
        this.buildCommand = Examples.buildCommand(runtime);
        this.startCommand = Examples.startCommand(runtime);
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
                fields.commands(run.get("pre-run"), "run.pre-run", false, buildCommand),
                command(run, entry.get()),
                run.get("network").map(this::network).orElse(NetworkSection.defaults()),
                envReader.variables(run.get("env"), "run.env"),
                envReader.secrets(run.get("secrets"), "run.secrets"));
    }

    private static RunSection placeholder() {
        return new RunSection(Optional.empty(), List.of(), "", NetworkSection.defaults(), List.of(), List.of());
    }

    /** Kept as written: {@code 3.10} stays "3.10", not the number 3.1. */
    private Optional<String> runtimeVersion(Entry entry) {
        var version = fields.optionalText(entry, "run.runtime-version", "a version number", "runtime-version: 3.11");
        version.filter(v -> !VERSION_NUMBER.matcher(v).matches()).ifPresent(v ->
                problems.warning(entry.value().at(), "run.runtime-version", Messages.runtimeVersionFormat(v)));
        return version;
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
        var port = network.get("port").flatMap(this::port).orElse(NetworkSection.DEFAULT_PORT);
        var variable = network.get("env").flatMap(env -> fields
                .optionalText(env, "run.network.env", "a variable name", "env: " + Examples.PORT_VARIABLE)
                .filter(name -> EnvReader.checkName(problems, env.value(), "run.network.env", name,
                        "env: " + Examples.PORT_VARIABLE)));
        return new NetworkSection(port, variable);
    }

    /** An integer or a string of digits, from 1 to 65535. */
    private Optional<Integer> port(Entry entry) {
        var text = fields.optionalText(entry, "run.network.port", "a port number", PORT_EXAMPLE);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        var digits = text.get().strip();
        if (DIGITS.matcher(digits).matches()) {
            var port = Integer.parseInt(digits);
            if (port >= MIN_PORT && port <= MAX_PORT) {
                return Optional.of(port);
            }
        }
        problems.error(entry.value().at(), "run.network.port", Messages.badPort(text.get()));
        return Optional.empty();
    }
}
