package dev.slipway.platform.console;

/** The tabs of a service's page, in the order they appear; each is a page of its own at {@code path}. */
public enum ServiceTab {
    DEPLOYMENTS("deployments", "Deployments"),
    LOGS("logs", "Logs"),
    INSTANCES("instances", "Instances"),
    EVENTS("events", "Events"),
    METRICS("metrics", "Metrics"),
    CONFIGURATION("configuration", "Configuration"),
    SETTINGS("settings", "Danger zone");

    private final String path;
    private final String label;

    ServiceTab(String path, String label) {
        this.path = path;
        this.label = label;
    }

    public String path() {
        return path;
    }

    public String label() {
        return label;
    }
}
