package dev.slipway.platform.deployment;

/** A deployment's status, in App Runner's words (its operation statuses). */
public enum DeploymentStatus {
    /** Queued behind another deployment of the same service. */
    PENDING,
    /** Fetching, building, starting or switching; see the phase. */
    IN_PROGRESS,
    /** Serving traffic (or did, until a later deployment replaced it). */
    SUCCEEDED,
    /** Stopped before it served; the previous deployment kept serving. */
    FAILED,
    /** A rollback to an earlier deployment's artifact is under way. */
    ROLLBACK_IN_PROGRESS,
    /** The earlier deployment's artifact serves again. */
    ROLLBACK_SUCCEEDED,
    /** The rollback failed; what served before it still serves. */
    ROLLBACK_FAILED;

    public boolean isFinished() {
        return this != PENDING && this != IN_PROGRESS && this != ROLLBACK_IN_PROGRESS;
    }

    public boolean isSuccess() {
        return this == SUCCEEDED || this == ROLLBACK_SUCCEEDED;
    }

    /** How a deployment, or a rollback, ended. */
    public static DeploymentStatus ended(boolean rollback, boolean succeeded) {
        if (rollback) {
            return succeeded ? ROLLBACK_SUCCEEDED : ROLLBACK_FAILED;
        }
        return succeeded ? SUCCEEDED : FAILED;
    }
}
