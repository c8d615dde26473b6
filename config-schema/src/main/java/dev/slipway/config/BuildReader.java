package dev.slipway.config;

import dev.slipway.config.YamlNode.Mapping;
import dev.slipway.config.YamlNode.Scalar;
import java.util.List;

/** Reads the {@code build} section: the three command phases and the build environment. */
final class BuildReader {

    private static final BuildSection NONE = new BuildSection(List.of(), List.of(), List.of(), List.of());

    private final Fields fields;
    private final Problems problems;
    private final String buildCommand;

    BuildReader(Fields fields, String runtime) {
        this.fields = fields;
        this.problems = fields.problems();
        this.buildCommand = Examples.buildCommand(runtime);
    }

    BuildSection read(Mapping top) {
        var commandsExample = "commands: {build: [" + buildCommand + "]}";
        var entry = top.get("build");
        if (entry.isEmpty()) {
            problems.error(top.at(), "build", Messages.missing("build: {" + commandsExample + "}"));
            return NONE;
        }
        var section = fields.section(entry.get(), "build", "build: {" + commandsExample + "}");
        if (section.isEmpty()) {
            return NONE;
        }
        var build = section.get();
        fields.checkKeys(build, Keys.BUILD);
        var env = new EnvReader(fields).variables(build.get("env"), "build.env");
        var commands = build.get("commands");
        if (commands.isEmpty()) {
            problems.error(entry.get().keyAt(), Keys.COMMANDS, Messages.missingUnder("build", commandsExample));
            return new BuildSection(List.of(), List.of(), List.of(), env);
        }
        var value = commands.get().value();
        if (value instanceof Mapping || value instanceof Scalar scalar && scalar.isNull()) {
            var phases = fields.section(commands.get(), Keys.COMMANDS, commandsExample).orElseThrow();
            return phases(phases, commands.get().keyAt(), env);
        }
        problems.error(value.at(), Keys.COMMANDS, Messages.phasesExpected(value, buildCommand));
        return new BuildSection(List.of(), List.of(), List.of(), env);
    }

    private BuildSection phases(Mapping phases, YamlNode.Position commandsAt, List<EnvVar> env) {
        fields.checkKeys(phases, Keys.COMMANDS);
        var buildPhase = phases.get("build");
        if (buildPhase.isEmpty()) {
            problems.error(commandsAt, "build.commands.build",
                    Messages.missingUnder(Keys.COMMANDS, "build: [" + buildCommand + "]"));
        }
        return new BuildSection(
                fields.commands(phases.get("pre-build"), "build.commands.pre-build", false, buildCommand),
                fields.commands(buildPhase, "build.commands.build", true, buildCommand),
                fields.commands(phases.get("post-build"), "build.commands.post-build", false, buildCommand),
                env);
    }
}
