package dev.slipway.platform.runtime;

import java.util.Set;

/**
 * Removes what old deployments left behind (images and their caches, or prepared app
 * directories), keeping what an instant rollback needs. Called between deployments; never removes
 * an artifact a running instance uses.
 */
public interface ArtifactCollector {

    /** Keeps the artifacts of these deployments of the service and removes its others. */
    void keepOnly(String service, Set<String> deploymentIds);

    /** Removes everything the service left behind: it was deleted. */
    void forget(String service);
}
