package dev.slipway.platform.runtime;

import dev.slipway.build.image.ImageBuilder;
import dev.slipway.build.image.docker.DockerClients;
import dev.slipway.build.image.docker.BuildLimits;
import dev.slipway.build.image.docker.DockerImageBuilder;
import dev.slipway.build.image.process.ProcessImageBuilder;
import dev.slipway.build.model.ContentCache;
import dev.slipway.build.model.s3.S3ArtifactStore;
import dev.slipway.build.plan.BuildPlanner;
import dev.slipway.build.source.JGitSourceFetcher;
import dev.slipway.build.source.SourceFetcher;
import dev.slipway.config.runtime.RuntimeCatalog;
import dev.slipway.platform.runtime.docker.DockerArtifactCollector;
import dev.slipway.platform.runtime.docker.DockerContainerRuntime;
import dev.slipway.platform.runtime.process.ProcessArtifactCollector;
import dev.slipway.platform.runtime.process.ProcessContainerRuntime;
import dev.slipway.platform.system.SlipwayProperties;
import dev.slipway.platform.system.SlipwayProperties.RuntimeMode;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Lazy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Chooses how apps are built and run: with Docker (images and containers) when
 * {@code SLIPWAY_RUNTIME} is {@code docker}, or is {@code auto} and a Docker daemon answers;
 * otherwise as local processes (prepared directories and child processes).
 */
@Configuration(proxyBeanMethods = false)
class RuntimeConfiguration {

    /** An operator's runtime catalog overrides, read from Slipway's home when present. */
    static final String CATALOG_FILE = "runtimes.properties";
    private static final Logger log = LoggerFactory.getLogger(RuntimeConfiguration.class);

    @Bean
    ResolvedRuntime resolvedRuntime(SlipwayProperties properties) {
        var mode = properties.runtime();
        var docker = mode == RuntimeMode.DOCKER || (mode == RuntimeMode.AUTO && DockerClients.isAvailable());
        if (mode == RuntimeMode.DOCKER && !DockerClients.isAvailable()) {
            throw new IllegalStateException("SLIPWAY_RUNTIME=docker, but no Docker daemon answers; start dockerd "
                    + "or set SLIPWAY_RUNTIME=process");
        }
        var resolved = docker ? ResolvedRuntime.DOCKER : ResolvedRuntime.PROCESS;
        log.info("Runtime: {} (SLIPWAY_RUNTIME={})", resolved.name().toLowerCase(), mode.name().toLowerCase());
        return resolved;
    }

    @Bean
    RuntimeCatalog runtimeCatalog(SlipwayProperties properties) {
        var file = properties.home().resolve(CATALOG_FILE);
        if (Files.exists(file)) {
            log.info("Runtime catalog overrides from {}", file);
        }
        return RuntimeCatalog.load(file);
    }

    @Bean
    @Lazy
    DockerClients dockerClients() {
        return DockerClients.connect();
    }

    @Bean
    ContainerRuntime containerRuntime(ResolvedRuntime resolved, SlipwayProperties properties,
                                      ObjectProvider<DockerClients> docker) {
        return switch (resolved) {
            case DOCKER -> new DockerContainerRuntime(docker.getObject(),
                    DockerContainerRuntime.DEFAULT_STOP_GRACE, ContainerOutput.DISCARD);
            case PROCESS -> new ProcessContainerRuntime(properties.logsDirectory(),
                    ProcessContainerRuntime.DEFAULT_STOP_GRACE, ContainerOutput.DISCARD);
        };
    }

    @Bean
    ImageBuilder imageBuilder(ResolvedRuntime resolved, RuntimeCatalog catalog, SlipwayProperties properties,
                              ObjectProvider<DockerClients> docker) {
        var timeout = properties.deployments().buildTimeout();
        return switch (resolved) {
            case DOCKER -> new DockerImageBuilder(docker.getObject(), catalog, BuildLimits.defaults().withTimeout(timeout));
            case PROCESS -> new ProcessImageBuilder(properties.buildsDirectory(), catalog, timeout, buildEnvironment());
        };
    }

    @Bean
    ArtifactCollector artifactCollector(ImageBuilder builder, SlipwayProperties properties) {
        if (builder instanceof DockerImageBuilder docker) {
            return new DockerArtifactCollector(docker);
        }
        return new ProcessArtifactCollector((ProcessImageBuilder) builder, properties.buildsDirectory());
    }

    /** Build commands see Slipway's environment (AWS settings included) but never its own secrets. */
    static Map<String, String> buildEnvironment() {
        var env = new HashMap<>(System.getenv());
        env.keySet().removeIf(name -> name.startsWith("SLIPWAY_"));
        return env;
    }

    /** Model files, cached by content under {@code $SLIPWAY_HOME/cache/models}. */
    @Bean
    ContentCache modelCache(SlipwayProperties properties) {
        return ContentCache.underHome(properties.home());
    }

    @Bean
    S3ArtifactStore artifactStore(ContentCache modelCache) {
        return new S3ArtifactStore(modelCache);
    }

    @Bean
    SourceFetcher sourceFetcher() {
        return new JGitSourceFetcher();
    }

    @Bean
    BuildPlanner buildPlanner() {
        return new BuildPlanner();
    }

    /** Which runtime this Slipway uses. */
    enum ResolvedRuntime {
        DOCKER,
        PROCESS
    }
}
