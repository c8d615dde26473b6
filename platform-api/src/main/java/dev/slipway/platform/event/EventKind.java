package dev.slipway.platform.event;

import java.util.Locale;

/** What happened to a service, as its event log names it ({@code instance.crashed}). */
public enum EventKind {
    DEPLOYMENT_STARTED,
    DEPLOYMENT_SUCCEEDED,
    DEPLOYMENT_FAILED,
    ROLLBACK_STARTED,
    ROLLBACK_SUCCEEDED,
    ROLLBACK_FAILED,
    INSTANCE_STARTED,
    INSTANCE_HEALTHY,
    INSTANCE_UNHEALTHY,
    INSTANCE_CRASHED,
    INSTANCE_REPLACED,
    INSTANCE_STOPPED,
    SLIPWAY_RESTARTED,
    SERVICE_SCALED,
    SERVICE_PAUSED,
    SERVICE_RESUMED,
    SERVICE_SCALING_CHANGED;

    /** {@code instance.crashed}: the first word is what the event is about. */
    public String wireName() {
        var name = name().toLowerCase(Locale.ROOT);
        var split = name.indexOf('_');
        return name.substring(0, split) + "." + name.substring(split + 1).replace('_', '-');
    }

    static EventKind fromWireName(String wire) {
        return valueOf(wire.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_'));
    }
}
