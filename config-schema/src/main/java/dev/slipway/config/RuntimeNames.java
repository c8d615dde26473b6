package dev.slipway.config;

import dev.slipway.config.runtime.ManagedRuntime;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Explains an unknown {@code runtime} value, suggesting the runtime the author probably meant. */
final class RuntimeNames {

    private static final int MAX_TYPOS = 2;
    private static final String SEPARATORS = "[\\s._-]";
    private static final List<String> DOCKER = List.of("docker", "dockerfile", "container", "image");
    /** Language names without a version → the runtime they most likely mean. */
    private static final Map<String, String> ALIASES = Map.of(
            "java", "corretto11",
            "java8", "corretto8",
            "java11", "corretto11",
            "node", "nodejs22",
            "nodejs", "nodejs22",
            "golang", "go1");
    private static final String JAVA = "java";

    private RuntimeNames() {
    }

    static String unknownRuntimeMessage(String runtime) {
        var known = ManagedRuntime.fileNames();
        var name = runtime.toLowerCase(Locale.ROOT).replaceAll(SEPARATORS, "");
        if (DOCKER.contains(name)) {
            return Messages.dockerRuntime(runtime, known);
        }
        var alias = ALIASES.get(name);
        if (alias == null && name.startsWith(JAVA)) {
            alias = ALIASES.get(JAVA);
        }
        var close = alias != null ? List.of(alias) : Spelling.closest(name, known, candidate -> MAX_TYPOS);
        return close.isEmpty() ? Messages.unknownRuntimeChoose(runtime, known) : Messages.unknownRuntime(runtime, close);
    }
}
