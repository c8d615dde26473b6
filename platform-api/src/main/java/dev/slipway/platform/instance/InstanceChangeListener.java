package dev.slipway.platform.instance;

/** Learns that a service's instances changed state, e.g. to tell its status again. */
@FunctionalInterface
public interface InstanceChangeListener {

    void instancesChanged(long serviceId);
}
