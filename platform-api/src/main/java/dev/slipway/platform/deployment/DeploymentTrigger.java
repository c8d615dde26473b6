package dev.slipway.platform.deployment;

import java.util.Locale;

/** What started a deployment. */
public enum DeploymentTrigger {
    /** A {@code git push} to Slipway's git server. */
    GIT_PUSH,
    /** {@code POST /api/v1/services/{name}/deployments}. */
    API,
    /** Creating a service whose source can be fetched right away. */
    CREATE,
    /** {@code POST /api/v1/services/{name}/rollback}. */
    ROLLBACK;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static DeploymentTrigger fromWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
