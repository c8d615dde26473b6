package dev.slipway.platform.console;

import dev.slipway.build.image.Artifact;
import dev.slipway.platform.deployment.DeployedModel;
import dev.slipway.platform.deployment.Deployment;
import dev.slipway.platform.deployment.DeploymentPhase;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A deployment as the deployments tab shows it.
 *
 * @param canRollBackTo whether it served and its artifact is still kept, so a rollback can run it again
 */
public record DeploymentRow(Deployment deployment, boolean canRollBackTo) {

    public String id() {
        return deployment.id();
    }

    public int number() {
        return deployment.number();
    }

    public String status() {
        return deployment.status().name();
    }

    public String phase() {
        return deployment.phase().map(Enum::name).orElse("");
    }

    public String trigger() {
        return deployment.trigger().wireName();
    }

    public String shortCommit() {
        return ConsoleFormat.shortCommit(deployment.commit().orElse(null));
    }

    public String message() {
        return deployment.commitMessage().orElse("");
    }

    /** The image id's first 12 hex digits, as {@code docker images} prints it; for the process runtime, its kind. */
    public String artifact() {
        return deployment.artifact().map(a -> {
            var reference = a.reference();
            if (!reference.startsWith("sha256:")) {
                return a.kind() == Artifact.Kind.IMAGE ? reference : "app directory";
            }
            return reference.substring(7, Math.min(19, reference.length()));
        }).orElse("");
    }

    public String age() {
        return ConsoleFormat.age(deployment.createdAt());
    }

    /** From start to end, or to now while it runs; blank before it starts. */
    public String duration() {
        return deployment.startedAt().map(start -> ConsoleFormat.seconds(
                Duration.between(start, deployment.finishedAt().orElse(java.time.Instant.now())).toMillis() / 1000.0))
                .orElse("");
    }

    public boolean finished() {
        return deployment.status().isFinished();
    }

    public String reason() {
        return deployment.reason().orElse("");
    }

    /** Seconds per phase, in the order the phases ran. */
    public List<Map.Entry<String, String>> timings() {
        return java.util.Arrays.stream(DeploymentPhase.values())
                .filter(p -> deployment.timings().containsKey(p))
                .map(p -> Map.entry(p.name(), ConsoleFormat.seconds(deployment.timings().get(p) / 1000.0)))
                .toList();
    }

    public List<ModelRow> models() {
        return deployment.models().stream().map(ModelRow::new).toList();
    }

    /** A model file the deployment was built with. */
    public record ModelRow(DeployedModel model) {

        public String file() {
            return model.target();
        }

        public String uri() {
            return model.uri();
        }

        public String size() {
            return ConsoleFormat.size(model.size());
        }

        public String sha256() {
            return model.sha256();
        }
    }
}
