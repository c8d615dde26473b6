package dev.slipway.platform.deployment;

import java.util.Locale;

/** The step a deployment in progress is at, in the order they run. */
public enum DeploymentPhase {
    FETCHING_SOURCE,
    FETCHING_MODELS,
    BUILDING,
    STARTING,
    HEALTH_CHECKING,
    SWITCHING_TRAFFIC,
    DRAINING;

    /** The phase in words, for push output and logs: "health checking". */
    public String words() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
