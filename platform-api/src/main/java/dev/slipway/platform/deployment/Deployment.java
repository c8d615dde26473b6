package dev.slipway.platform.deployment;

import dev.slipway.build.image.Artifact;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A deployment as stored.
 *
 * @param number     the service's deployment counter: 1 for its first deployment
 * @param phase      the step in progress, or the last step reached once finished
 * @param commitMessage the first line of the commit's message, once fetched
 * @param configFile the {@code apprunner.yaml} it was built from, as its problems name it (relative to the
 *                   service's source directory); empty for projects without one and images
 * @param configText that file's text, as it was at the commit
 * @param rollbackOf for a rollback, the deployment whose artifact it runs again
 * @param artifact   the built image or app directory, once built
 * @param reason     why it failed
 * @param models     the model objects it was built with
 * @param timings    milliseconds spent in each phase
 */
public record Deployment(
        String id, long serviceId, int number, DeploymentTrigger trigger, DeploymentStatus status,
        Optional<DeploymentPhase> phase, Optional<String> commit, Optional<String> commitMessage,
        Optional<String> configFile, Optional<String> configText, Optional<String> rollbackOf,
        Optional<Artifact> artifact, Optional<String> reason, List<DeployedModel> models, Map<DeploymentPhase, Long> timings,
        Instant createdAt, Optional<Instant> startedAt, Optional<Instant> finishedAt) {

    public Deployment {
        models = List.copyOf(models);
        timings = Map.copyOf(timings);
    }
}
