package dev.slipway.build.image.docker;

import dev.slipway.build.image.Artifact;
import java.util.Objects;

/**
 * A finished Docker build.
 *
 * @param artifact what {@link DockerImageBuilder#build} returns
 * @param report   what the build did and what it reused
 */
public record BuildResult(Artifact artifact, BuildReport report) {

    public BuildResult {
        Objects.requireNonNull(artifact, "artifact");
        Objects.requireNonNull(report, "report");
    }
}
