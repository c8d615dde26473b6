package dev.slipway.platform.system;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.springframework.util.unit.DataSize;
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
 * @param sources     how much of a repository Slipway takes
 * @param extraCaCerts a PEM file of CA certificates that every build and app must trust besides
 *                     the usual ones (a company's TLS-inspecting proxy or internal hosts); blank for none
 * @param appProxy    whether apps get the proxy variables of Slipway's environment (builds always do)
 */
@ConfigurationProperties("slipway")
public record SlipwayProperties(
        Path home,
        @DefaultValue("localhost") String appsDomain,
        @DefaultValue("auto") RuntimeMode runtime,
        @DefaultValue("") String adminToken,
        @DefaultValue("") String databaseUrl,
        @DefaultValue Router router,
        @DefaultValue Deployments deployments,
        @DefaultValue Instances instances,
        @DefaultValue Sources sources,
        @DefaultValue("") String extraCaCerts,
        @DefaultValue("false") boolean appProxy) {

    /** Which container runtime runs apps. */
    public enum RuntimeMode {
        /** Docker when its daemon answers, else local processes. */
        AUTO,
        DOCKER,
        PROCESS
    }

    /**
     * The router that serves apps.
     *
     * @param mode        where it runs
     * @param port        the port services are served on ({@code 0}: any free port)
     * @param bind        the address it listens on
     * @param controlPort the router process's control API, on loopback ({@code 0}: any free port)
     * @param maxConnectionsPerClient the most connections at once from one client address ({@code 0}: no cap);
     *                    trusted proxies are exempt
     * @param trustedProxies comma-separated CIDR blocks of proxies in front of the router, whose
     *                    X-Forwarded-* and Forwarded headers it keeps; blank trusts none
     */
    public record Router(@DefaultValue("process") RouterMode mode, @DefaultValue("8000") int port,
                         @DefaultValue("0.0.0.0") String bind, @DefaultValue("8001") int controlPort,
                         @DefaultValue("256") int maxConnectionsPerClient, @DefaultValue("") String trustedProxies) {
    }

    /** Where the router runs. */
    public enum RouterMode {
        /** Its own OS process, started (or adopted) and restarted by Slipway: serves while Slipway restarts. */
        PROCESS,
        /** Its own OS process, started and restarted by the operator (e.g. systemd); Slipway only talks to it. */
        EXTERNAL,
        /** Inside Slipway's own process: stops when Slipway stops. */
        EMBEDDED
    }

    /**
     * How instances are looked after.
     *
     * @param restartBackoff    the wait before restarting an instance that crashed once; doubled for
     *                          each further crash in a row
     * @param maxRestartBackoff the longest wait between restarts
     * @param backoffReset      how long an instance must stay healthy before its crashes are forgotten
     * @param appLogSize        how much of a service's application log is kept (twice this, in two files)
     */
    public record Instances(
            @DefaultValue("1s") Duration restartBackoff,
            @DefaultValue("5m") Duration maxRestartBackoff,
            @DefaultValue("10m") Duration backoffReset,
            @DefaultValue("10MB") DataSize appLogSize) {
    }

    /**
     * Deployment limits.
     *
     * @param drainTimeout       how long in-flight requests to an old instance may take to finish
     * @param buildTimeout       how long a build may take
     * @param keepArtifacts      how many of a service's latest successful deployments keep their
     *                           image (or app directory) for an instant rollback
     * @param maxConcurrentBuilds how many builds run at once across all services; more wait their turn
     * @param fetchTimeout       how long fetching the source, and separately the models, may take
     * @param logSize            how much command output one deployment's log keeps; later output is dropped
     */
    public record Deployments(
            @DefaultValue("30s") Duration drainTimeout,
            @DefaultValue("20m") Duration buildTimeout,
            @DefaultValue("5") int keepArtifacts,
            @DefaultValue("2") int maxConcurrentBuilds,
            @DefaultValue("15m") Duration fetchTimeout,
            @DefaultValue("10MB") DataSize logSize) {
    }

    /**
     * How much of a repository Slipway takes, pushed or fetched: beyond any of these a push is
     * refused before it is stored, and a fetched commit before a file of it is written.
     *
     * @param maxFiles     files in a commit
     * @param maxFileSize  the largest single file
     * @param maxTotalSize a commit's files together
     * @param maxDepth     directories nested in one another
     * @param maxPushSize  the pack one push sends
     */
    public record Sources(
            @DefaultValue("100000") int maxFiles,
            @DefaultValue("512MB") DataSize maxFileSize,
            @DefaultValue("2GB") DataSize maxTotalSize,
            @DefaultValue("64") int maxDepth,
            @DefaultValue("2GB") DataSize maxPushSize) {
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

    /** The router process's state file, control token and log. */
    public Path routerDirectory() {
        return home.resolve("router");
    }

    /** The extra CA certificates, when given. */
    public Optional<Path> extraCaCertsFile() {
        return extraCaCerts.isBlank() ? Optional.empty() : Optional.of(Path.of(extraCaCerts.strip()));
    }

    /** The trust files made from {@link #extraCaCerts()}, mounted read-only into build and app containers. */
    public Path trustDirectory() {
        return home.resolve("trust");
    }

    /** What the process runtime keeps about the processes it runs, and their raw output. */
    public Path processesDirectory() {
        return home.resolve("processes");
    }
}
