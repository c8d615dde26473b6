package dev.slipway.platform.runtime.docker;

import dev.slipway.build.image.docker.DockerImageBuilder;
import dev.slipway.platform.runtime.ArtifactCollector;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Removes old deployments' images and the cache images only they needed. */
public final class DockerArtifactCollector implements ArtifactCollector {

    private static final Logger log = LoggerFactory.getLogger(DockerArtifactCollector.class);

    private final DockerImageBuilder builder;

    public DockerArtifactCollector(DockerImageBuilder builder) {
        this.builder = builder;
    }

    @Override
    public void keepOnly(String service, Set<String> deploymentIds) {
        var collected = builder.collectGarbage(Map.of(service, deploymentIds));
        if (!collected.removedImages().isEmpty()) {
            log.info("Removed {} image(s) of {} no kept deployment needs", collected.removedImages().size(), service);
        }
    }

    /** Removes at once, however young: nothing builds for a deleted service any more. */
    @Override
    public void forget(String service) {
        builder.collectGarbage(Map.of(service, Set.of()), Duration.ZERO);
        builder.removeDependencyCache(service);
    }
}
