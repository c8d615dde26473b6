package dev.slipway.platform.runtime;

import dev.slipway.build.image.Artifact;
import java.util.Objects;

/**
 * What to run: one instance of a deployment's artifact.
 *
 * @param service      the service name
 * @param deploymentId the deployment the instance belongs to
 * @param artifact     the built image or app directory and how to start it
 */
public record InstanceSpec(String service, String deploymentId, Artifact artifact) {

    public InstanceSpec {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(deploymentId, "deploymentId");
        Objects.requireNonNull(artifact, "artifact");
    }
}
