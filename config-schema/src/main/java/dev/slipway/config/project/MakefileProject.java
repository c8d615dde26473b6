package dev.slipway.config.project;

import dev.slipway.config.AppRunnerConfig;
import dev.slipway.config.BuildSection;
import dev.slipway.config.ConfigProblem;
import dev.slipway.config.ConfigProblem.Severity;
import dev.slipway.config.NetworkSection;
import dev.slipway.config.RunSection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A project that builds with {@code make}: build with {@code make install} or {@code make build},
 * start with {@code make run} or {@code make start}, runtime chosen by marker files.
 */
final class MakefileProject {

    static final String FILE_NAME = "Makefile";
    static final String VERSION = "1.0";
    private static final List<String> BUILD_TARGETS = List.of("install", "build");
    private static final List<String> START_TARGETS = List.of("run", "start");
    /** Marker file → the runtime it implies, in the order they are listed to users. */
    private static final Map<String, String> MARKERS = markers();

    private MakefileProject() {
    }

    private static Map<String, String> markers() {
        var markers = new LinkedHashMap<String, String>();
        markers.put("requirements.txt", "python3");
        markers.put("pyproject.toml", "python3");
        markers.put("package.json", "nodejs18");
        markers.put("pom.xml", "corretto11");
        return markers;
    }

    static DetectedProject detect(ProjectFiles files, String makefile, String displayPath, List<ConfigProblem> earlier) {
        var file = displayPath + FILE_NAME;
        var problems = new ArrayList<>(earlier);
        var targets = targets(makefile);
        var build = BUILD_TARGETS.stream().filter(targets::contains).findFirst();
        var start = START_TARGETS.stream().filter(targets::contains).findFirst();
        if (start.isEmpty()) {
            problems.add(error(file, DetectionMessages.noStartTarget()));
        }
        var found = new LinkedHashMap<String, List<String>>();
        MARKERS.forEach((marker, runtime) -> {
            if (files.exists(marker)) {
                found.computeIfAbsent(runtime, r -> new ArrayList<>()).add(marker);
            }
        });
        if (found.isEmpty()) {
            problems.add(error(file, DetectionMessages.noRuntime(List.copyOf(MARKERS.keySet()))));
        } else if (found.size() > 1) {
            var choices = found.entrySet().stream()
                    .map(e -> e.getKey() + " (" + String.join(", ", e.getValue()) + ")").toList();
            problems.add(error(file, DetectionMessages.severalRuntimes(choices)));
        }
        var reason = new StringBuilder(file + " found (no apprunner.yaml or Dockerfile)");
        found.forEach((runtime, marker) -> reason.append("; runtime ").append(runtime).append(" from ")
                .append(String.join(", ", marker)));
        build.ifPresent(target -> reason.append("; build: make ").append(target));
        start.ifPresent(target -> reason.append("; start: make ").append(target));
        Optional<AppRunnerConfig> config = Optional.empty();
        if (problems.stream().noneMatch(ConfigProblem::isError)) {
            config = Optional.of(config(found.keySet().iterator().next(), build, start.orElseThrow()));
        }
        return new DetectedProject(Optional.of(ProjectKind.MAKEFILE), reason.toString(), config, problems);
    }

    private static AppRunnerConfig config(String runtime, Optional<String> buildTarget, String startTarget) {
        var buildCommands = buildTarget.map(target -> List.of("make " + target)).orElse(List.of());
        var build = new BuildSection(List.of(), buildCommands, List.of(), List.of());
        var run = new RunSection(Optional.empty(), List.of(), "make " + startTarget, NetworkSection.defaults(),
                List.of(), List.of());
        return new AppRunnerConfig(VERSION, runtime, build, run);
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

    private static ConfigProblem error(String file, String message) {
        return new ConfigProblem(file, 0, 0, Severity.ERROR, "", message);
    }
}
