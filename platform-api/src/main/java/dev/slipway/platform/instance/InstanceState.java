package dev.slipway.platform.instance;

/** Where an instance is in its life. */
public enum InstanceState {
    /** Its container was started; it has not passed its health check yet. */
    STARTING,
    /** It passed its health check and takes requests (once its deployment is active). */
    HEALTHY,
    /** It failed its health checks while serving; taken out of the route, to be replaced. */
    UNHEALTHY,
    /** Taking no new requests; stopping once those in flight finished. */
    STOPPING,
    /** Stopped on purpose: replaced by a newer deployment, scaled in or deleted. */
    STOPPED,
    /** Its container ended on its own; taken out of the route, restarted after a backoff. */
    CRASHED;

    /** Current: not stopping or stopped, so it counts towards its deployment's instances. */
    public boolean isCurrent() {
        return this != STOPPING && this != STOPPED;
    }
}
