package dev.slipway.platform.system;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Slipway's settings, bound from {@code slipway.*} properties, which {@code application.properties}
 * fills from the {@code SLIPWAY_*} environment variables.
 *
 * @param home        where all state lives: database, git repositories, builds, logs
 * @param appsDomain  services are served at {@code http://<service>.<appsDomain>}
 * @param runtime     which container runtime runs apps
 * @param adminToken  the API and git password; generated into {@code home/admin-token} when blank
 * @param databaseUrl an external PostgreSQL; blank starts the embedded server
 */
@ConfigurationProperties("slipway")
public record SlipwayProperties(
        Path home,
        @DefaultValue("localhost") String appsDomain,
        @DefaultValue("auto") RuntimeMode runtime,
        @DefaultValue("") String adminToken,
        @DefaultValue("") String databaseUrl,
        @DefaultValue Router router,
        @DefaultValue Deployments deployments) {

    /** Which container runtime runs apps. */
    public enum RuntimeMode {
        /** Docker when its daemon answers, else local processes. */
        AUTO,
        DOCKER,
        PROCESS
    }

    /**
     * The embedded router.
     *
     * @param port the port services are served on
     * @param bind the address it listens on
     */
    public record Router(@DefaultValue("8000") int port, @DefaultValue("0.0.0.0") String bind) {
    }

    /**
     * Deployment limits.
     *
     * @param drainTimeout       how long in-flight requests to an old instance may take to finish
     * @param buildTimeout       how long a build may take
     * @param keepArtifacts      how many of a service's latest successful deployments keep their
     *                           image (or app directory) for an instant rollback
     */
    public record Deployments(
            @DefaultValue("30s") Duration drainTimeout,
            @DefaultValue("20m") Duration buildTimeout,
            @DefaultValue("5") int keepArtifacts) {
    }

    public Path databaseDirectory() {
        return home.resolve("postgres");
    }

    public Path gitDirectory() {
        return home.resolve("git");
    }

    public Path workDirectory() {
        return home.resolve("work");
    }

    public Path buildsDirectory() {
        return home.resolve("builds");
    }

    public Path logsDirectory() {
        return home.resolve("logs");
    }
}
