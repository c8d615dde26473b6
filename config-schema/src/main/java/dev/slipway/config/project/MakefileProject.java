package dev.slipway.config.project;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a {@code Makefile} offers: {@code make install} or {@code make build} to build,
 * {@code make run} or {@code make start} to start.
 */
final class MakefileProject {

    static final String FILE_NAME = "Makefile";
    private static final List<String> BUILD_TARGETS = List.of("install", "build");
    private static final List<String> START_TARGETS = List.of("run", "start");

    private MakefileProject() {
    }

    static Optional<String> buildTarget(Set<String> targets) {
        return BUILD_TARGETS.stream().filter(targets::contains).findFirst();
    }

    static Optional<String> startTarget(Set<String> targets) {
        return START_TARGETS.stream().filter(targets::contains).findFirst();
    }

    /**
     * The explicit target names of a Makefile: the words before the colon of rule lines.
     * Variable assignments ({@code X := y}, {@code X = a:b}), recipe lines, special targets
     * ({@code .PHONY}) and pattern rules are not targets.
     */
    static Set<String> targets(String makefile) {
        var targets = new LinkedHashSet<String>();
        for (var line : makefile.split("\\R")) {
            if (line.isEmpty() || Character.isWhitespace(line.charAt(0)) || line.startsWith("#")) {
                continue;
            }
            var colon = line.indexOf(':');
            if (colon <= 0 || line.startsWith("=", colon + 1) || line.startsWith(":=", colon + 1)) {
                continue;
            }
            var names = line.substring(0, colon);
            if (names.contains("=")) {
                continue;
            }
            for (var name : names.strip().split("\\s+")) {
                if (!name.isEmpty() && !name.startsWith(".") && !name.contains("%") && !name.contains("$")) {
                    targets.add(name);
                }
            }
        }
        return targets;
    }
}
