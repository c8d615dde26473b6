package dev.slipway.build.image.process;

import dev.slipway.build.image.Artifact;
import dev.slipway.build.image.BuildCancelledException;
import dev.slipway.build.image.BuildFailedException;
import dev.slipway.build.image.BuildLog;
import dev.slipway.build.image.BuildPhase;
import dev.slipway.build.image.ImageBuilder;
import dev.slipway.build.image.ModelLinks;
import dev.slipway.build.image.RunSettings;
import dev.slipway.build.image.SecretMask;
import dev.slipway.build.model.ModelObject;
import dev.slipway.build.model.StoreAccess;
import dev.slipway.build.network.CompanyNetwork;
import dev.slipway.build.plan.BuildPlan;
import dev.slipway.config.AppRunnerConfig;
import dev.slipway.config.project.ProjectKind;
import dev.slipway.config.runtime.ManagedRuntime;
import dev.slipway.config.runtime.RuntimeCatalog;
import dev.slipway.config.runtime.RuntimeImage;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Builds apps to run as local processes, for machines without Docker: the source is copied to
 * {@code <root>/<service>/<deploymentId>/app}, each model file appears there as a symbolic link at
 * its target (pointing at the shared cached file, never copied), and the build commands run there
 * through {@code sh -c} with Slipway's own environment, plus the company network's variables
 * (pointing at the trust files on this machine), plus {@code build.env}, plus the plan's secret
 * variables. Standard output and error are logged as separate streams. Interrupting the
 * building thread kills the running command with every process it started and throws
 * {@link BuildCancelledException}. The runtime's interpreter must be on this machine's
 * {@code PATH}.
 *
 * <p>What cannot be reproduced for local processes: App Runner's two build processes differ in
 * which files reach the running app, and here every command shares this machine's file system.
 * Whatever a command installs outside the app directory stays installed for every app, revised
 * build or not, and whatever post-build changes is kept. {@code run.pre-run} runs after the build
 * for revised-build runtimes and is ignored (with a log line) for the others, as with Docker.
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
    private final CompanyNetwork network;

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
        this(root, catalog, buildTimeout, environment, CompanyNetwork.NONE);
    }

    /** @param network the CA certificates, proxies and package mirrors builds need on this network */
    public ProcessImageBuilder(Path root, RuntimeCatalog catalog, Duration buildTimeout,
            Map<String, String> environment, CompanyNetwork network) {
        this.root = root.toAbsolutePath().normalize();
        this.catalog = catalog;
        this.buildTimeout = buildTimeout;
        this.environment = Map.copyOf(environment);
        this.network = network;
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
        var models = ModelLinks.targets(plan.sourceDir(), plan.models());
        try {
            copySource(plan.sourceDir(), deploymentDirectory, app, log);
            linkModels(app, models, log);
            runCommands(config, plan.secretEnvironment(), app, log);
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

    private void runCommands(AppRunnerConfig config, Map<String, String> secrets, Path app, BuildLog log) {
        var env = new LinkedHashMap<>(environment);
        CompanyNetwork.overlay(env, network.buildEnvironment(network.trustDirectory().map(Path::toString).orElse("")));
        CompanyNetwork.overlay(env, config.buildEnvironment());
        env.putAll(secrets);
        var masked = new ArrayList<>(StoreAccess.secretValues(secrets));
        masked.addAll(network.secretValues());
        var runner = new CommandRunner(app, env, buildTimeout, log, new SecretMask(masked));
        var build = config.build();
        runAll(runner, BuildPhase.PRE_BUILD, build.preBuild());
        runAll(runner, BuildPhase.BUILD, build.build());
        runAll(runner, BuildPhase.POST_BUILD, build.postBuild());
        var revised = config.managedRuntime().map(ManagedRuntime::revisedBuild).orElse(false);
        if (revised) {
            runAll(runner, BuildPhase.PRE_RUN, config.run().preRun());
        } else if (!config.run().preRun().isEmpty()) {
            log.line(BuildPhase.PRE_RUN.label(), "ignoring run.pre-run: runtime " + config.runtime() + " uses the"
                    + " original build, which App Runner says not to use pre-run with; move these commands to"
                    + " build.commands.build");
        }
    }

    private static void runAll(CommandRunner runner, BuildPhase phase, List<String> commands) {
        commands.forEach(command -> runner.run(phase.label(), command));
    }

    /** Links each model's target in the app to its cached file, which stays shared and read-only. */
    private static void linkModels(Path app, Map<String, ModelObject> models, BuildLog log) {
        for (var model : models.entrySet()) {
            var link = app.resolve(model.getKey());
            try {
                Files.createDirectories(link.getParent());
                Files.createSymbolicLink(link, model.getValue().file().toAbsolutePath());
            } catch (IOException e) {
                throw new BuildFailedException("cannot place model " + model.getValue().uri() + " at "
                        + model.getKey() + ": " + e.getMessage(), e);
            }
        }
        if (!models.isEmpty()) {
            log.line(BuildPhase.MODELS.label(), "linked " + models.size() + " model file(s) into the app directory");
        }
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
