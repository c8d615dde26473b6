package dev.slipway.platform.instance;

import dev.slipway.build.image.Artifact;
import dev.slipway.platform.routing.AdmissionPolicy;
import java.util.Optional;

/**
 * What the supervisor keeps running for each service: the artifact of its active deployment, in
 * so many instances. Provided by the deployments, which decide what is active.
 */
public interface DesiredState {

    /** The service's active deployment and how many instances it runs; empty when nothing is active. */
    Optional<Desired> of(long serviceId);

    /**
     * @param service      the service's name
     * @param deploymentId its active deployment
     * @param instances    how many instances run it; 0 when scaled to zero or paused
     * @param admission    how the router admits its requests
     */
    record Desired(String service, String deploymentId, int deploymentNumber, Artifact artifact, int instances,
                   AdmissionPolicy admission) {
    }
}
