package dev.slipway.platform.deployment;

import dev.slipway.build.model.ContentCache;
import dev.slipway.platform.runtime.ArtifactCollector;
import dev.slipway.platform.service.Service;
import dev.slipway.platform.service.ServiceRepository;
import dev.slipway.platform.system.SlipwayProperties;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Keeps the artifacts of each service's active deployment and its last few successful ones (so a
 * rollback starts at once, without a rebuild) and removes the rest, with the model files no kept
 * deployment of any service uses.
 */
@Component
class ArtifactRetention {

    /** Model files unused for less than this stay, so a quick re-push downloads nothing. */
    static final Duration MODEL_GRACE = Duration.ofHours(24);
    private static final Logger log = LoggerFactory.getLogger(ArtifactRetention.class);

    private final ServiceRepository services;
    private final DeploymentRepository deployments;
    private final ArtifactCollector collector;
    private final ContentCache modelCache;
    private final int keep;

    ArtifactRetention(ServiceRepository services, DeploymentRepository deployments, ArtifactCollector collector,
                      ContentCache modelCache, SlipwayProperties properties) {
        this.services = services;
        this.deployments = deployments;
        this.collector = collector;
        this.modelCache = modelCache;
        this.keep = properties.deployments().keepArtifacts();
    }

    /** Removes what the service's old deployments left behind. Failures are logged, never thrown. */
    void collect(long serviceId) {
        try {
            var keptModels = new HashSet<String>();
            for (var service : services.findAll()) {
                var kept = kept(service);
                if (service.id() == serviceId) {
                    collector.keepOnly(service.name(), kept.keySet());
                }
                kept.values().forEach(d -> d.models().forEach(m -> keptModels.add(m.sha256())));
            }
            modelCache.collectGarbage(keptModels, MODEL_GRACE);
        } catch (RuntimeException e) {
            log.warn("Could not remove old artifacts of service {}: {}", serviceId, e.toString());
        }
    }

    /** Removes everything a deleted service left behind. */
    void forget(String service) {
        try {
            collector.forget(service);
        } catch (RuntimeException e) {
            log.warn("Could not remove the artifacts of deleted service {}: {}", service, e.toString());
        }
    }

    /** The deployments whose artifacts stay, by id: see {@link #kept(Optional, List, int)}. */
    Map<String, Deployment> kept(Service service) {
        return kept(service.activeDeploymentId(), deployments.listForService(service.id()), keep);
    }

    /**
     * The active deployment, every one still queued or under way (its artifact is being made or
     * about to serve), and the {@code keep} newest successful ones: deployments waiting in the
     * queue never take the place of one a rollback may need.
     *
     * @param newestFirst the service's deployments, newest first
     */
    static Map<String, Deployment> kept(Optional<String> activeId, List<Deployment> newestFirst, int keep) {
        var kept = new LinkedHashMap<String, Deployment>();
        activeId.flatMap(id -> newestFirst.stream().filter(d -> d.id().equals(id)).findFirst())
                .ifPresent(d -> kept.put(d.id(), d));
        newestFirst.stream().filter(d -> !d.status().isFinished()).forEach(d -> kept.putIfAbsent(d.id(), d));
        newestFirst.stream().filter(d -> d.status().isSuccess()).limit(keep).forEach(d -> kept.putIfAbsent(d.id(), d));
        return kept;
    }
}
