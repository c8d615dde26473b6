package dev.slipway.build.image.process;

import dev.slipway.build.image.Artifact;
import dev.slipway.build.image.BuildFailedException;
import dev.slipway.build.image.BuildLog;
import dev.slipway.build.image.BuildPhase;
import dev.slipway.build.image.ImageBuilder;
import dev.slipway.build.image.RunSettings;
import dev.slipway.build.plan.BuildPlan;
import dev.slipway.config.AppRunnerConfig;
import dev.slipway.config.project.ProjectKind;
import dev.slipway.config.runtime.RuntimeCatalog;
import dev.slipway.config.runtime.RuntimeImage;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Builds apps to run as local processes, for machines without Docker: the source is copied to
 * {@code <root>/<service>/<deploymentId>/app} and the build and pre-run commands run there through
 * {@code sh -c}, with Slipway's own environment plus {@code build.env}. The runtime's interpreter
 * must be on this machine's {@code PATH}.
 */
public final class ProcessImageBuilder implements ImageBuilder {

    /** How long all of one build's commands may take together unless the constructor says otherwise. */
    public static final Duration DEFAULT_BUILD_TIMEOUT = Duration.ofMinutes(20);
    /** The app's directory inside a deployment's build directory. */
    public static final String APP_DIRECTORY = "app";

    private static final String PATH_VARIABLE = "PATH";
    private static final Pattern PATH_SEGMENT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");

    private final Path root;
    private final RuntimeCatalog catalog;
    private final Duration buildTimeout;
    private final Map<String, String> environment;

    /** Builds under {@code root} with the default runtime catalog, timeout and this process's environment. */
    public ProcessImageBuilder(Path root) {
        this(root, RuntimeCatalog.defaults(), DEFAULT_BUILD_TIMEOUT, System.getenv());
    }

    /** @param buildTimeout how long all of one build's commands may take together */
    public ProcessImageBuilder(Path root, Duration buildTimeout) {
        this(root, RuntimeCatalog.defaults(), buildTimeout, System.getenv());
    }

    /** @param environment the environment commands start from ({@code build.env} is added to it) */
    public ProcessImageBuilder(Path root, RuntimeCatalog catalog, Duration buildTimeout,
            Map<String, String> environment) {
        this.root = root.toAbsolutePath().normalize();
        this.catalog = catalog;
        this.buildTimeout = buildTimeout;
        this.environment = Map.copyOf(environment);
    }

    @Override
    public Artifact build(BuildPlan plan, BuildLog log) {
        if (plan.kind() == ProjectKind.DOCKERFILE) {
            throw new BuildFailedException("this project builds from a Dockerfile, which needs the Docker runtime;"
                    + " run Slipway on a machine with Docker, or add an apprunner.yaml");
        }
        var config = plan.config().orElseThrow();
        requireHostCommand(config.runtime());
        var deploymentDirectory = deploymentDirectory(plan.service(), plan.deploymentId());
        var app = deploymentDirectory.resolve(APP_DIRECTORY);
        try {
            copySource(plan.sourceDir(), deploymentDirectory, app, log);
            runCommands(config, app, log);
        } catch (RuntimeException e) {
            deleteQuietly(deploymentDirectory);
            throw e;
        }
        return new Artifact(Artifact.Kind.DIRECTORY, app.toString(), RunSettings.of(config, log));
    }

    /** Where a deployment's app is (or would be) built. */
    public Path appDirectory(String service, String deploymentId) {
        return deploymentDirectory(service, deploymentId).resolve(APP_DIRECTORY);
    }

    /** Deletes a deployment's build directory, e.g. once no instance runs from it; a missing one is fine. */
    public void delete(String service, String deploymentId) {
        var directory = deploymentDirectory(service, deploymentId);
        try {
            DirectoryCopy.delete(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete build directory " + directory, e);
        }
    }

    private void runCommands(AppRunnerConfig config, Path app, BuildLog log) {
        var env = new LinkedHashMap<>(environment);
        config.build().env().forEach(variable -> env.put(variable.name(), variable.value()));
        var runner = new CommandRunner(app, env, buildTimeout, log);
        var build = config.build();
        runAll(runner, BuildPhase.PRE_BUILD, build.preBuild());
        runAll(runner, BuildPhase.BUILD, build.build());
        runAll(runner, BuildPhase.POST_BUILD, build.postBuild());
        runAll(runner, BuildPhase.PRE_RUN, config.run().preRun());
    }

    private static void runAll(CommandRunner runner, BuildPhase phase, List<String> commands) {
        commands.forEach(command -> runner.run(phase.label(), command));
    }

    private static void copySource(Path source, Path deploymentDirectory, Path app, BuildLog log) {
        log.line(BuildPhase.BASE.label(), "copying the source to " + app);
        try {
            DirectoryCopy.delete(deploymentDirectory);
            Files.createDirectories(deploymentDirectory);
            DirectoryCopy.copy(source, app);
        } catch (IOException e) {
            throw new BuildFailedException("cannot copy the source to " + app + ": " + e.getMessage(), e);
        }
    }

    private void requireHostCommand(String runtimeName) {
        var runtime = catalog.lookup(runtimeName).orElseThrow(() -> new BuildFailedException(
                "unknown runtime \"" + runtimeName + "\"; use one of " + String.join(", ", catalog.runtimes())));
        if (!isOnPath(runtime)) {
            throw new BuildFailedException("runtime " + runtimeName + " needs " + runtime.hostCommand()
                    + " on this machine's PATH to run as a local process; install it or use the Docker runtime");
        }
    }

    private boolean isOnPath(RuntimeImage runtime) {
        var command = runtime.hostCommand();
        if (command.contains(File.separator)) {
            return Files.isExecutable(Path.of(command));
        }
        var path = environment.getOrDefault(PATH_VARIABLE, "");
        return Arrays.stream(path.split(File.pathSeparator))
                .filter(directory -> !directory.isEmpty())
                .anyMatch(directory -> isExecutable(directory, command));
    }

    private static boolean isExecutable(String directory, String command) {
        try {
            var candidate = Path.of(directory, command);
            return Files.isRegularFile(candidate) && Files.isExecutable(candidate);
        } catch (InvalidPathException e) {
            return false;
        }
    }

    private Path deploymentDirectory(String service, String deploymentId) {
        for (var segment : List.of(service, deploymentId)) {
            if (!PATH_SEGMENT.matcher(segment).matches()) {
                throw new IllegalArgumentException("\"" + segment + "\" cannot name a build directory;"
                        + " use letters, digits, '_', '.' and '-', starting with a letter or digit");
            }
        }
        return root.resolve(service).resolve(deploymentId);
    }

    private static void deleteQuietly(Path directory) {
        try {
            DirectoryCopy.delete(directory);
        } catch (IOException e) {
            // The build already failed; a leftover directory is removed with the deployment later.
        }
    }
}
