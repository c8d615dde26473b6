package dev.slipway.build.image.docker;

import com.github.dockerjava.api.exception.DockerException;
import dev.slipway.build.image.Artifact;
import dev.slipway.build.image.BuildCancelledException;
import dev.slipway.build.image.BuildFailedException;
import dev.slipway.build.image.BuildLog;
import dev.slipway.build.image.ImageBuilder;
import dev.slipway.build.network.CompanyNetwork;
import dev.slipway.build.plan.BuildPlan;
import dev.slipway.config.project.ProjectKind;
import dev.slipway.config.runtime.RuntimeCatalog;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Builds images with a Docker daemon, the way App Runner builds them but from cached stages.
 *
 * <p>{@code apprunner.yaml}, Makefile and Procfile projects: build commands run by exec in
 * hardened build containers, which are committed; images are assembled by small generated
 * Dockerfiles that only copy files and set configuration. Layers go slowest-changing first:
 * runtime image | models | app | run settings. Runtimes with App Runner's revised build
 * (python311, nodejs18, nodejs22, …) carry only {@code /app} from the build image into the run
 * image and then run {@code run.pre-run}; the others run on the image they were built on.
 * Every stage is cached under a key of its inputs (see {@link BuildLabels}), so rebuilding an
 * unchanged commit runs no command and a code change reuses the runtime and models layers.
 *
 * <p>Dockerfile projects are built as they are, with the same labels, limits and timeout.
 *
 * <p>A {@link CompanyNetwork} adds extra CA certificates (a read-only mount and variables for each
 * build command), proxies and package index mirrors; none of it reaches an image.
 *
 * <p>Final images are tagged {@code slipway/<service>:<deployment>}. A build is cancelled by
 * interrupting its thread ({@link BuildCancelledException}); on timeout or cancellation its
 * containers are killed and removed before the exception is thrown.
 */
public final class DockerImageBuilder implements ImageBuilder {

    /** The label naming the service an image was built for. */
    public static final String SERVICE_LABEL = BuildLabels.SERVICE;
    /** The label naming the deployment an image was built for. */
    public static final String DEPLOYMENT_LABEL = BuildLabels.DEPLOYMENT;
    /** The label holding the full commit id an image was built from. */
    public static final String COMMIT_LABEL = BuildLabels.COMMIT;
    /** Every deployment image's repository starts with this. */
    public static final String REPOSITORY_PREFIX = "slipway/";
    /** How long one build may take unless the constructor says otherwise. */
    public static final Duration DEFAULT_BUILD_TIMEOUT = BuildLimits.DEFAULT_TIMEOUT;
    /** How long pulling a missing base image may take. */
    public static final Duration DEFAULT_PULL_TIMEOUT = Duration.ofMinutes(10);
    /** How old an image must be before garbage collection may remove it: a build may be making it. */
    public static final Duration DEFAULT_GC_MINIMUM_AGE = Duration.ofHours(1);
    /** How long after its build's deadline a leftover build container is removed by garbage collection. */
    public static final Duration STALE_CONTAINER_GRACE = Duration.ofMinutes(5);

    private static final Pattern REPOSITORY_COMPONENT = Pattern.compile("[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*");
    private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");

    private final BuildLimits limits;
    private final CompanyNetwork network;
    private final GeneratedBuild generated;
    private final UserDockerfileBuild userDockerfile;
    private final ImageCollector collector;
    private final DependencyCache dependencyCache;

    /** A builder using the default runtime catalog and limits. */
    public DockerImageBuilder(DockerClients clients) {
        this(clients, RuntimeCatalog.defaults(), BuildLimits.defaults());
    }

    /** A builder taking base images from {@code catalog}, with the default limits. */
    public DockerImageBuilder(DockerClients clients, RuntimeCatalog catalog) {
        this(clients, catalog, BuildLimits.defaults());
    }

    /** @param buildTimeout how long one build may take; the other limits are the defaults */
    public DockerImageBuilder(DockerClients clients, RuntimeCatalog catalog, Duration buildTimeout) {
        this(clients, catalog, BuildLimits.defaults().withTimeout(buildTimeout));
    }

    /** @param limits the timeout of a build and the resources of its containers */
    public DockerImageBuilder(DockerClients clients, RuntimeCatalog catalog, BuildLimits limits) {
        this(clients, catalog, limits, CompanyNetwork.NONE);
    }

    /** @param network the CA certificates, proxies and package mirrors builds need on this network */
    public DockerImageBuilder(DockerClients clients, RuntimeCatalog catalog, BuildLimits limits,
            CompanyNetwork network) {
        this.limits = limits;
        this.network = network;
        this.generated = new GeneratedBuild(clients, catalog, limits, network);
        this.userDockerfile = new UserDockerfileBuild(clients, network);
        this.collector = new ImageCollector(clients);
        this.dependencyCache = new DependencyCache(clients);
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
        return buildWithReport(plan, log).artifact();
    }

    /**
     * Like {@link #build}, and also says what the build did: seconds per stage, which stages
     * reused a cached image, the models' digest and layer, the final image's size.
     *
     * @throws BuildFailedException    when a command fails, the build times out (the message names
     *                                 the limit), a base image is missing or the daemon refuses a step
     * @throws BuildCancelledException when the building thread is interrupted
     */
    public BuildResult buildWithReport(BuildPlan plan, BuildLog log) {
        var tag = imageTag(plan.service(), plan.deploymentId());
        var session = new BuildSession(plan, log, limits, network.secretValues());
        try {
            return plan.kind() == ProjectKind.DOCKERFILE ? userDockerfile.build(tag, session)
                    : generated.build(tag, session);
        } catch (BuildFailedException e) {
            throw e;
        } catch (RuntimeException e) {
            if (Thread.currentThread().isInterrupted() || Interruptions.causedBy(e)) {
                throw new BuildCancelledException("the build was cancelled", e);
            }
            if (e instanceof DockerException) {
                throw new BuildFailedException("the Docker daemon failed during the build: "
                        + DaemonErrors.message(e), e);
            }
            throw e;
        }
    }

    /**
     * Removes images this builder made that are no longer needed: final images of the named
     * services' deployments not in {@code keep}, and cache images (build, app, pre-run, base and
     * models images) that no remaining image depends on. Images younger than
     * {@link #DEFAULT_GC_MINIMUM_AGE}, images a container uses and images others are built on
     * stay. Build containers left behind by a crashed worker are removed too.
     *
     * @param keep per service, the deployment ids (or image ids) whose images to keep, e.g. the
     *             last few deployments for instant rollback; an empty set removes every image of
     *             that service; services not named keep all their images
     */
    public CollectedGarbage collectGarbage(Map<String, Set<String>> keep) {
        return collectGarbage(keep, DEFAULT_GC_MINIMUM_AGE);
    }

    /** {@link #collectGarbage(Map)} with another minimum age for images. */
    public CollectedGarbage collectGarbage(Map<String, Set<String>> keep, Duration minimumAge) {
        return collector.collect(keep, minimumAge, limits.timeout().plus(STALE_CONTAINER_GRACE));
    }

    /**
     * Removes a service's dependency cache volume, e.g. once the service is deleted.
     *
     * @return false when a running build still uses it
     */
    public boolean removeDependencyCache(String service) {
        return dependencyCache.remove(service);
    }
}
