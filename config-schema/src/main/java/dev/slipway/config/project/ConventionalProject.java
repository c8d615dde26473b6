package dev.slipway.config.project;

import dev.slipway.config.AppRunnerConfig;
import dev.slipway.config.BuildSection;
import dev.slipway.config.ConfigProblem;
import dev.slipway.config.ConfigProblem.Severity;
import dev.slipway.config.NetworkSection;
import dev.slipway.config.RunSection;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A project without {@code apprunner.yaml} or {@code Dockerfile} that follows conventions: a
 * {@code Makefile} (build with {@code make install} or {@code make build}, start with
 * {@code make run} or {@code make start}) and/or a {@code Procfile} whose {@code web} line is the
 * start command. Marker files choose the runtime; without a Makefile, the marker's usual install
 * command builds.
 */
final class ConventionalProject {

    static final String VERSION = "1.0";
    private static final String NOT_CHOSEN = " found (no apprunner.yaml or Dockerfile)";

    private final ProjectFiles files;
    private final String displayPath;
    private final List<ConfigProblem> problems;
    private final Optional<Set<String>> makeTargets;
    private final Optional<Procfile> procfile;

    private ConventionalProject(ProjectFiles files, String displayPath, List<ConfigProblem> earlier,
            Optional<String> makefile, Optional<String> procfile) {
        this.files = files;
        this.displayPath = displayPath;
        this.problems = new ArrayList<>(earlier);
        this.makeTargets = makefile.map(MakefileProject::targets);
        this.procfile = procfile.map(Procfile::parse);
    }

    /** @param makefile the Makefile's text, @param procfile the Procfile's text; at least one is present */
    static DetectedProject detect(ProjectFiles files, String displayPath, List<ConfigProblem> earlier,
            Optional<String> makefile, Optional<String> procfile) {
        return new ConventionalProject(files, displayPath, earlier, makefile, procfile).detect();
    }

    private DetectedProject detect() {
        var kind = makeTargets.isPresent() ? ProjectKind.MAKEFILE : ProjectKind.PROCFILE;
        var reason = new StringBuilder(foundFiles() + NOT_CHOSEN);
        procfile.ifPresent(this::warnAboutOtherProcesses);
        var start = startCommand();
        var found = RuntimeMarkers.found(files);
        if (found.isEmpty()) {
            problems.add(error(mainFile(), DetectionMessages.noRuntime(RuntimeMarkers.fileNames())));
        } else if (found.size() > 1) {
            var choices = found.entrySet().stream().map(e -> e.getKey() + " (" + String.join(", ",
                    e.getValue().stream().map(RuntimeMarkers.Marker::file).toList()) + ")").toList();
            problems.add(error(mainFile(), DetectionMessages.severalRuntimes(choices)));
        }
        found.forEach((runtime, markers) -> reason.append("; runtime ").append(runtime).append(" from ")
                .append(String.join(", ", markers.stream().map(RuntimeMarkers.Marker::file).toList())));
        var build = makeTargets.isPresent()
                ? makeTargets.flatMap(MakefileProject::buildTarget).map(target -> "make " + target)
                : found.values().stream().findFirst().map(markers -> markers.get(0).installCommand());
        build.ifPresent(command -> reason.append("; build: ").append(command));
        start.ifPresent(command -> reason.append("; start: ").append(procfileWeb().isPresent()
                ? Procfile.WEB + " in " + Procfile.FILE_NAME : command));
        Optional<AppRunnerConfig> config = Optional.empty();
        if (problems.stream().noneMatch(ConfigProblem::isError)) {
            config = Optional.of(config(found.keySet().iterator().next(), build, start.orElseThrow()));
        }
        return new DetectedProject(Optional.of(kind), reason.toString(), config, problems);
    }

    private String foundFiles() {
        if (makeTargets.isPresent() && procfile.isPresent()) {
            return displayPath + MakefileProject.FILE_NAME + " and " + displayPath + Procfile.FILE_NAME;
        }
        return mainFile();
    }

    private String mainFile() {
        return displayPath + (makeTargets.isPresent() ? MakefileProject.FILE_NAME : Procfile.FILE_NAME);
    }

    private Optional<Procfile.Process> procfileWeb() {
        return procfile.flatMap(Procfile::web);
    }

    /** The Procfile's web command, else the Makefile's start target; reports why there is none. */
    private Optional<String> startCommand() {
        var web = procfileWeb();
        if (web.isPresent()) {
            if (web.get().command().isEmpty()) {
                problems.add(new ConfigProblem(displayPath + Procfile.FILE_NAME, web.get().line(), 1, Severity.ERROR,
                        "", DetectionMessages.emptyWebCommand()));
                return Optional.empty();
            }
            return Optional.of(web.get().command());
        }
        var target = makeTargets.flatMap(MakefileProject::startTarget);
        if (target.isPresent()) {
            return target.map(t -> "make " + t);
        }
        problems.add(procfile.isPresent() && makeTargets.isEmpty()
                ? error(displayPath + Procfile.FILE_NAME, DetectionMessages.noWebProcess())
                : error(mainFile(), DetectionMessages.noStartTarget(procfile.isPresent())));
        return Optional.empty();
    }

    private void warnAboutOtherProcesses(Procfile procfile) {
        var web = procfile.web();
        for (var process : procfile.processes()) {
            if (web.isEmpty() || !process.equals(web.get())) {
                problems.add(new ConfigProblem(displayPath + Procfile.FILE_NAME, process.line(), 1, Severity.WARNING,
                        "", DetectionMessages.otherProcess(process.type())));
            }
        }
    }

    private static AppRunnerConfig config(String runtime, Optional<String> buildCommand, String startCommand) {
        var build = new BuildSection(List.of(), buildCommand.map(List::of).orElse(List.of()), List.of(), List.of());
        var run = new RunSection(Optional.empty(), List.of(), startCommand, NetworkSection.defaults(), List.of(),
                List.of());
        return new AppRunnerConfig(VERSION, runtime, build, run);
    }

    private static ConfigProblem error(String file, String message) {
        return new ConfigProblem(file, 0, 0, Severity.ERROR, "", message);
    }
}
