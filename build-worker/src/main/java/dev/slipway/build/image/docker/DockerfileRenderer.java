package dev.slipway.build.image.docker;

import dev.slipway.build.image.BuildPhase;
import dev.slipway.config.AppRunnerConfig;
import dev.slipway.config.EnvVar;
import dev.slipway.config.NetworkSection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Renders the Dockerfile of an {@code apprunner.yaml} (or Makefile) project: the source in
 * {@code /app}, each command as its own {@code RUN} through {@code sh -c}, then the run settings.
 * {@code build.env} reaches only the build and pre-run commands, never the image's environment.
 */
final class DockerfileRenderer {

    /** Where the source is copied and the commands run, as on App Runner. */
    static final String APP_DIRECTORY = "/app";

    private static final String ENV_COMMAND = "/usr/bin/env";
    private static final Pattern VARIABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final String VARIABLE_NAME_HINT = "letters, digits and _, not starting with a digit";
    private static final Pattern LABEL_KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");
    private static final String LABEL_KEY_HINT = "letters, digits, '.', '-' and '_'";
    private static final Pattern IMAGE_REFERENCE = Pattern.compile("\\S+");

    private final List<String> lines = new ArrayList<>();
    private final List<BuildStep> steps = new ArrayList<>();

    private DockerfileRenderer() {
    }

    /**
     * @param baseImage the runtime's base image reference
     * @param labels    image labels, written in the given order
     * @throws IllegalArgumentException when a name or value cannot be written into a Dockerfile
     */
    static GeneratedDockerfile render(String baseImage, AppRunnerConfig config, Map<String, String> labels) {
        if (!IMAGE_REFERENCE.matcher(baseImage).matches()) {
            throw new IllegalArgumentException("invalid base image reference \"" + baseImage + "\"");
        }
        var renderer = new DockerfileRenderer();
        renderer.add(BuildStep.of(BuildPhase.BASE), "FROM " + baseImage);
        renderer.add(BuildStep.of(BuildPhase.BASE), "WORKDIR " + APP_DIRECTORY);
        renderer.add(BuildStep.of(BuildPhase.BASE), "COPY . " + APP_DIRECTORY);
        var build = config.build();
        renderer.runAll(BuildPhase.PRE_BUILD, build.preBuild(), build.env());
        renderer.runAll(BuildPhase.BUILD, build.build(), build.env());
        renderer.runAll(BuildPhase.POST_BUILD, build.postBuild(), build.env());
        renderer.runAll(BuildPhase.PRE_RUN, config.run().preRun(), build.env());
        var env = keyValues(runEnvironment(config), VARIABLE_NAME, VARIABLE_NAME_HINT);
        renderer.add(BuildStep.of(BuildPhase.IMAGE), "ENV " + env);
        renderer.add(BuildStep.of(BuildPhase.IMAGE), "EXPOSE " + network(config).port());
        if (!labels.isEmpty()) {
            renderer.add(BuildStep.of(BuildPhase.IMAGE), "LABEL " + keyValues(labels, LABEL_KEY, LABEL_KEY_HINT));
        }
        renderer.add(BuildStep.of(BuildPhase.IMAGE), "CMD " + jsonArray(List.of("sh", "-c", config.run().command())));
        return new GeneratedDockerfile(String.join("\n", renderer.lines) + "\n", renderer.steps);
    }

    /** {@code run.env}, then {@code PORT} and the {@code run.network.env} variable, later names winning. */
    static Map<String, String> runEnvironment(AppRunnerConfig config) {
        var env = new LinkedHashMap<String, String>();
        config.run().env().forEach(variable -> env.put(variable.name(), variable.value()));
        var network = network(config);
        var port = Integer.toString(network.port());
        env.remove(NetworkSection.PORT_VARIABLE);
        env.put(NetworkSection.PORT_VARIABLE, port);
        network.env().ifPresent(name -> {
            env.remove(name);
            env.put(name, port);
        });
        return env;
    }

    private static NetworkSection network(AppRunnerConfig config) {
        return config.run().network() == null ? NetworkSection.defaults() : config.run().network();
    }

    private void runAll(BuildPhase phase, List<String> commands, List<EnvVar> buildEnv) {
        for (var command : commands) {
            var argv = new ArrayList<String>();
            if (!buildEnv.isEmpty()) {
                argv.add(ENV_COMMAND);
                for (var variable : buildEnv) {
                    requireMatches(VARIABLE_NAME, variable.name(), VARIABLE_NAME_HINT);
                    argv.add(variable.name() + "=" + variable.value());
                }
            }
            argv.addAll(List.of("sh", "-c", command));
            add(BuildStep.running(phase, command), "RUN " + jsonArray(argv));
        }
    }

    private void add(BuildStep step, String line) {
        steps.add(step);
        lines.add(line);
    }

    /** Exec form: a JSON array, so Docker runs it without a shell of its own and without substitution. */
    static String jsonArray(List<String> values) {
        var json = new StringBuilder("[");
        for (int i = 0; i < values.size(); i++) {
            json.append(i == 0 ? "" : ", ").append(jsonString(values.get(i)));
        }
        return json.append(']').toString();
    }

    static String jsonString(String value) {
        var json = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> json.append(c < 0x20 || c == 0x7f ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return json.append('"').toString();
    }

    /** {@code KEY="value" ...} with Dockerfile quoting, so values keep spaces, quotes and dollars. */
    private static String keyValues(Map<String, String> values, Pattern keyPattern, String hint) {
        var text = new StringBuilder();
        values.forEach((key, value) -> {
            requireMatches(keyPattern, key, hint);
            if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
                throw new IllegalArgumentException("the value of " + key
                        + " contains a line break, which a Dockerfile ENV or LABEL cannot hold");
            }
            var quoted = value.replace("\\", "\\\\").replace("\"", "\\\"").replace("$", "\\$");
            text.append(text.length() == 0 ? "" : " ").append(key).append("=\"").append(quoted).append('"');
        });
        return text.toString();
    }

    private static void requireMatches(Pattern pattern, String name, String hint) {
        if (name == null || !pattern.matcher(name).matches()) {
            throw new IllegalArgumentException("invalid name \"" + name + "\": use " + hint);
        }
    }
}
