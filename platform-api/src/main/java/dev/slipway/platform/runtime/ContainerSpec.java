package dev.slipway.platform.runtime;

import dev.slipway.build.image.Artifact;
import java.util.Objects;

/**
 * What to run: one container of a deployment's artifact, for one instance.
 *
 * @param service      the service name
 * @param deploymentId the deployment the instance belongs to
 * @param instanceId   the instance the container runs for; unique across all services, so names
 *                     made from it never collide
 * @param artifact     the built image or app directory and how to start it
 */
public record ContainerSpec(String service, String deploymentId, String instanceId, Artifact artifact) {

    public ContainerSpec {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(deploymentId, "deploymentId");
        Objects.requireNonNull(instanceId, "instanceId");
        Objects.requireNonNull(artifact, "artifact");
    }
}
