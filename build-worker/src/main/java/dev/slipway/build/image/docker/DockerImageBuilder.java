package dev.slipway.build.image.docker;

import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.InternetProtocol;
import dev.slipway.build.image.Artifact;
import dev.slipway.build.image.BuildFailedException;
import dev.slipway.build.image.BuildLog;
import dev.slipway.build.image.BuildPhase;
import dev.slipway.build.image.ImageBuilder;
import dev.slipway.build.image.RecentLines;
import dev.slipway.build.image.RunSettings;
import dev.slipway.build.plan.BuildPlan;
import dev.slipway.config.AppRunnerConfig;
import dev.slipway.config.NetworkSection;
import dev.slipway.config.project.ProjectKind;
import dev.slipway.config.runtime.RuntimeCatalog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Builds images with the Docker daemon's classic builder. {@code apprunner.yaml} and Makefile
 * projects get a generated Dockerfile on their runtime's base image (see the runtime catalog);
 * Dockerfile projects are built as they are. Images are tagged {@code slipway/<service>:<deployment>}
 * and labelled with the service, deployment and commit.
 */
public final class DockerImageBuilder implements ImageBuilder {

    /** The label naming the service an image was built for. */
    public static final String SERVICE_LABEL = "dev.slipway.service";
    /** The label naming the deployment an image was built for. */
    public static final String DEPLOYMENT_LABEL = "dev.slipway.deployment";
    /** The label holding the full commit id an image was built from. */
    public static final String COMMIT_LABEL = "dev.slipway.commit";
    /** Every built image's repository starts with this. */
    public static final String REPOSITORY_PREFIX = "slipway/";
    /** How long one image build may take unless the constructor says otherwise. */
    public static final Duration DEFAULT_BUILD_TIMEOUT = Duration.ofMinutes(20);
    /** How long pulling a missing base image may take. */
    public static final Duration DEFAULT_PULL_TIMEOUT = Duration.ofMinutes(10);

    /** The generated Dockerfile's name in the context; the dot and prefix keep it clear of user files. */
    static final String GENERATED_DOCKERFILE = ".slipway.Dockerfile";
    static final String USER_DOCKERFILE = "Dockerfile";
    static final String DOCKERIGNORE = ".dockerignore";

    private static final Pattern REPOSITORY_COMPONENT = Pattern.compile("[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*");
    private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");

    private final DockerClients clients;
    private final BaseImages baseImages;
    private final ContextBuild contextBuild;

    /** A builder using the default runtime catalog and timeouts. */
    public DockerImageBuilder(DockerClients clients) {
        this(clients, RuntimeCatalog.defaults(), DEFAULT_BUILD_TIMEOUT);
    }

    /** A builder taking base images from {@code catalog}, with the default timeouts. */
    public DockerImageBuilder(DockerClients clients, RuntimeCatalog catalog) {
        this(clients, catalog, DEFAULT_BUILD_TIMEOUT);
    }

    /** @param buildTimeout how long one image build may take before it is cancelled */
    public DockerImageBuilder(DockerClients clients, RuntimeCatalog catalog, Duration buildTimeout) {
        this.clients = clients;
        this.baseImages = new BaseImages(clients, catalog, DEFAULT_PULL_TIMEOUT);
        this.contextBuild = new ContextBuild(clients, buildTimeout);
    }

    /**
     * The tag a deployment's image gets: {@code slipway/<service>:<deploymentId>}.
     *
     * @throws IllegalArgumentException when either name cannot be part of an image reference
     */
    public static String imageTag(String service, String deploymentId) {
        if (!REPOSITORY_COMPONENT.matcher(service).matches()) {
            throw new IllegalArgumentException("service name \"" + service + "\" cannot be part of an image name;"
                    + " use lower-case letters and digits, separated by '.', '_', '__' or dashes");
        }
        if (!TAG.matcher(deploymentId).matches()) {
            throw new IllegalArgumentException("deployment id \"" + deploymentId + "\" cannot be an image tag;"
                    + " use up to 128 letters, digits, '_', '.' and '-'");
        }
        return REPOSITORY_PREFIX + service + ":" + deploymentId;
    }

    @Override
    public Artifact build(BuildPlan plan, BuildLog log) {
        var tag = imageTag(plan.service(), plan.deploymentId());
        if (plan.kind() == ProjectKind.DOCKERFILE) {
            return buildUserDockerfile(plan, tag, log);
        }
        return buildGenerated(plan, tag, log);
    }

    private Artifact buildUserDockerfile(BuildPlan plan, String tag, BuildLog log) {
        log.line(BuildPhase.BASE.label(), "building the project's " + USER_DOCKERFILE + " as it is");
        var context = new ContextTar(plan.sourceDir(), Map.of());
        var output = new BuildOutput(StepResolver.forUserDockerfile(), log, RecentLines.DEFAULT_CAPACITY);
        contextBuild.run(context, USER_DOCKERFILE, tag, labels(plan), output);
        var image = inspect(tag, log);
        var port = firstExposedPort(image).orElse(NetworkSection.DEFAULT_PORT);
        return new Artifact(Artifact.Kind.IMAGE, image.getId(),
                new RunSettings(Optional.empty(), port, Optional.empty(), Map.of()));
    }

    private Artifact buildGenerated(BuildPlan plan, String tag, BuildLog log) {
        var config = plan.config().orElseThrow();
        var base = baseImages.resolve(config.runtime(), config.run().runtimeVersion(), log);
        var dockerfile = render(base, config, labels(plan));
        var context = new ContextTar(plan.sourceDir(), Map.of(
                GENERATED_DOCKERFILE, dockerfile.text().getBytes(StandardCharsets.UTF_8),
                DOCKERIGNORE, dockerignore(plan).getBytes(StandardCharsets.UTF_8)));
        var output = new BuildOutput(StepResolver.of(dockerfile), log, RecentLines.DEFAULT_CAPACITY);
        // No extra labels: the generated Dockerfile sets them itself, without an extra build step.
        contextBuild.run(context, GENERATED_DOCKERFILE, tag, Map.of(), output);
        var image = inspect(tag, log);
        return new Artifact(Artifact.Kind.IMAGE, image.getId(), RunSettings.of(config, log));
    }

    private static Map<String, String> labels(BuildPlan plan) {
        var labels = new LinkedHashMap<String, String>();
        labels.put(SERVICE_LABEL, plan.service());
        labels.put(DEPLOYMENT_LABEL, plan.deploymentId());
        if (plan.commit() != null && !plan.commit().isBlank()) {
            labels.put(COMMIT_LABEL, plan.commit());
        }
        return labels;
    }

    private static GeneratedDockerfile render(String base, AppRunnerConfig config, Map<String, String> labels) {
        try {
            return DockerfileRenderer.render(base, config, labels);
        } catch (IllegalArgumentException e) {
            throw new BuildFailedException("cannot build this configuration: " + e.getMessage(), e);
        }
    }

    /**
     * The daemon drops the Dockerfile and {@code .dockerignore} from the context when
     * {@code .dockerignore} lists them, so the generated Dockerfile never reaches {@code /app}. A
     * user's own {@code .dockerignore} is kept (the classic builder does not apply it to COPY).
     */
    private static String dockerignore(BuildPlan plan) {
        var userFile = plan.sourceDir().resolve(DOCKERIGNORE);
        try {
            var existing = Files.isRegularFile(userFile) ? Files.readString(userFile) + "\n" : DOCKERIGNORE + "\n";
            return existing + GENERATED_DOCKERFILE + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + userFile, e);
        }
    }

    private InspectImageResponse inspect(String tag, BuildLog log) {
        var image = clients.control().inspectImageCmd(tag).exec();
        log.line(BuildPhase.IMAGE.label(), "built image " + image.getId() + " tagged " + tag);
        return image;
    }

    private static Optional<Integer> firstExposedPort(InspectImageResponse image) {
        var config = image.getConfig();
        if (config == null || config.getExposedPorts() == null) {
            return Optional.empty();
        }
        return Arrays.stream(config.getExposedPorts())
                .filter(port -> port.getProtocol() == InternetProtocol.TCP)
                .map(ExposedPort::getPort)
                .min(Comparator.naturalOrder());
    }
}
