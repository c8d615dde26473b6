package dev.slipway.platform.runtime.choice;

import dev.slipway.build.image.ImageBuilder;
import dev.slipway.build.image.docker.DockerClients;
import dev.slipway.build.model.ContentCache;
import dev.slipway.build.model.s3.S3ArtifactStore;
import dev.slipway.build.network.CompanyNetwork;
import dev.slipway.build.plan.BuildPlanner;
import dev.slipway.build.source.JGitSourceFetcher;
import dev.slipway.build.source.SourceFetcher;
import dev.slipway.build.source.SourceLimits;
import dev.slipway.config.runtime.RuntimeCatalog;
import dev.slipway.platform.runtime.ArtifactCollector;
import dev.slipway.platform.runtime.ContainerOutput;
import dev.slipway.platform.runtime.ContainerRuntime;
import dev.slipway.platform.runtime.RuntimeProvider;
import dev.slipway.platform.runtime.docker.DockerRuntimeProvider;
import dev.slipway.platform.runtime.process.ProcessRuntimeProvider;
import dev.slipway.platform.system.GeneratedValue;
import dev.slipway.platform.system.HostEnvironment;
import dev.slipway.platform.system.SlipwayProperties;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Chooses how apps are built and run (see {@link RuntimeChoice}): with Docker (images and
 * containers), or as local processes (prepared directories and process groups). The builder,
 * runtime and collector always come from one {@link RuntimeProvider}, so they match.
 */
@Configuration(proxyBeanMethods = false)
class RuntimeConfiguration {

    /** An operator's runtime catalog overrides, read from Slipway's home when present. */
    static final String CATALOG_FILE = RuntimeCatalog.FILE_NAME;
    static final String INSTALLATION_ID_FILE = "installation-id";
    private static final int INSTALLATION_ID_BYTES = 6;
    private static final Logger log = LoggerFactory.getLogger(RuntimeConfiguration.class);

    @Bean
    RuntimeCatalog runtimeCatalog(SlipwayProperties properties) {
        var file = properties.home().resolve(CATALOG_FILE);
        if (Files.exists(file)) {
            log.info("Runtime catalog overrides from {}", file);
        }
        return RuntimeCatalog.load(file);
    }

    @Bean(destroyMethod = "close")
    RuntimeProvider runtimeProvider(SlipwayProperties properties, RuntimeCatalog catalog, JdbcClient jdbc,
                                    ObjectProvider<ContainerOutput> output, CompanyNetwork network,
                                    ObjectProvider<HostEnvironment> environment) throws InterruptedException {
        var choice = new RuntimeChoice(DockerClients::isAvailable,
                RuntimeChoice.dockerExpected(System.getenv("DOCKER_HOST")), () -> servicesOnDocker(jdbc),
                duration -> Thread.sleep(duration.toMillis()));
        var docker = choice.useDocker(properties.runtime());
        var sink = output.getIfAvailable(() -> ContainerOutput.DISCARD);
        var timeout = properties.deployments().buildTimeout();
        RuntimeProvider provider = docker
                ? DockerRuntimeProvider.create(DockerClients.connect(), installationId(properties), catalog,
                        timeout, sink, network)
                : ProcessRuntimeProvider.create(properties.buildsDirectory(), properties.processesDirectory(), catalog,
                        timeout, buildEnvironment(environment.getIfAvailable(HostEnvironment::system)), sink, network);
        log.info("Runtime: {} (SLIPWAY_RUNTIME={})", provider.name(), properties.runtime().name().toLowerCase());
        return provider;
    }

    @Bean
    ContainerRuntime containerRuntime(RuntimeProvider provider) {
        return provider.runtime();
    }

    @Bean
    ImageBuilder imageBuilder(RuntimeProvider provider) {
        return provider.builder();
    }

    @Bean
    ArtifactCollector artifactCollector(RuntimeProvider provider) {
        return provider.collector();
    }

    /**
     * This installation's id, made once under its home: it tells its Docker containers from those
     * of other Slipways on the same daemon.
     */
    private static String installationId(SlipwayProperties properties) {
        return GeneratedValue.readOrCreate(properties.home().resolve(INSTALLATION_ID_FILE), INSTALLATION_ID_BYTES);
    }

    /** Build commands see Slipway's environment (AWS settings included) but never its own secrets. */
    static Map<String, String> buildEnvironment(HostEnvironment environment) {
        var env = new HashMap<>(environment.variables());
        env.keySet().removeIf(name -> name.startsWith("SLIPWAY_"));
        return env;
    }

    /** How many services serve an image now (a fresh database has none). */
    private static int servicesOnDocker(JdbcClient jdbc) {
        try {
            return jdbc.sql("select count(*) from services s join deployments d on d.id = s.active_deployment_id "
                    + "where d.artifact ->> 'kind' = 'IMAGE'").query(Integer.class).single();
        } catch (RuntimeException e) {
            return 0;
        }
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

    /** How much of a repository is taken, pushed or fetched. */
    @Bean
    SourceLimits sourceLimits(SlipwayProperties properties) {
        var sources = properties.sources();
        return new SourceLimits(sources.maxFiles(), sources.maxFileSize().toBytes(), sources.maxTotalSize().toBytes(),
                sources.maxDepth());
    }

    @Bean
    SourceFetcher sourceFetcher(SourceLimits limits) {
        return new JGitSourceFetcher(limits);
    }

    @Bean
    BuildPlanner buildPlanner() {
        return new BuildPlanner();
    }
}
