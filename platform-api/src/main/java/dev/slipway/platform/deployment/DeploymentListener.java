package dev.slipway.platform.deployment;

/**
 * Follows one deployment as it runs, e.g. to stream it into {@code git push} output. Called from
 * the deployment's own thread and from build output readers; implementations must be thread-safe
 * and quick.
 */
public interface DeploymentListener {

    /** A listener that ignores everything. */
    DeploymentListener NULL = new DeploymentListener() { };

    /** The deployment entered a phase. */
    default void phase(Deployment deployment, DeploymentPhase phase) {
    }

    /** A line of build or start-up output. */
    default void output(String phase, String line) {
    }

    /** A one-line note from Slipway, e.g. which project kind was detected. */
    default void note(String message) {
    }
}
