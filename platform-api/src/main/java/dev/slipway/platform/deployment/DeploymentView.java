package dev.slipway.platform.deployment;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A deployment as the API shows it.
 *
 * @param image   the built image's id, or the prepared app directory for the process runtime
 * @param models  the model objects that went into the build (URI, version or ETag, sha256)
 * @param timings seconds spent in each phase, in the order they ran
 * @param configFile the {@code apprunner.yaml} it was built from (relative to the service's source directory), if any
 * @param configText that file's text: only when one deployment is asked for, as lists would grow with every file
 */
record DeploymentView(String id, int number, String service, String trigger, DeploymentStatus status,
                      DeploymentPhase phase, String commit, String commitMessage, String image, String artifactKind,
                      List<DeployedModel> models, String configFile, String configText, String rollbackOf,
                      String reason, Map<DeploymentPhase, Double> timings, Instant createdAt, Instant startedAt,
                      Instant finishedAt) {

    /** The deployment without its apprunner.yaml's text, as lists show it. */
    static DeploymentView of(Deployment d, String service) {
        return of(d, service, false);
    }

    /** The deployment with its apprunner.yaml's text. */
    static DeploymentView withConfigText(Deployment d, String service) {
        return of(d, service, true);
    }

    private static DeploymentView of(Deployment d, String service, boolean configText) {
        var timings = new LinkedHashMap<DeploymentPhase, Double>();
        for (var phase : DeploymentPhase.values()) {
            var millis = d.timings().get(phase);
            if (millis != null) {
                timings.put(phase, millis / 1000.0);
            }
        }
        return new DeploymentView(d.id(), d.number(), service, d.trigger().wireName(), d.status(),
                d.phase().orElse(null), d.commit().orElse(null), d.commitMessage().orElse(null),
                d.artifact().map(a -> a.reference()).orElse(null),
                d.artifact().map(a -> a.kind().name().toLowerCase()).orElse(null),
                d.models(), d.configFile().orElse(null), configText ? d.configText().orElse(null) : null,
                d.rollbackOf().orElse(null), d.reason().orElse(null), timings,
                d.createdAt(), d.startedAt().orElse(null), d.finishedAt().orElse(null));
    }
}
