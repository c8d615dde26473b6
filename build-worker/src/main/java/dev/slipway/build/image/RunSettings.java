package dev.slipway.build.image;

import dev.slipway.config.AppRunnerConfig;
import dev.slipway.config.EnvVar;
import dev.slipway.config.HealthCheckSettings;
import dev.slipway.config.InstanceSettings;
import dev.slipway.config.NetworkSection;
import dev.slipway.config.ScalingSettings;
import dev.slipway.config.SlipwaySection;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How to start a built app.
 *
 * @param command the start command, run through {@code sh -c}; empty to use the image's own
 *                command (Dockerfile projects)
 * @param port    the port the app listens on inside its container; a process runtime replaces it
 *                with a free port
 * @param portEnv the extra variable that also carries the port ({@code run.network.env})
 * @param env     the app's own environment ({@code run.env}); {@code PORT} is added at start
 * @param healthCheck when an instance counts as healthy ({@code slipway.health-check})
 * @param instance    the CPU and memory an instance gets ({@code slipway.instance})
 * @param requestTimeout how long the router waits for the app to start answering
 *                       ({@code slipway.request-timeout})
 * @param scaling     how many instances run ({@code slipway.scaling})
 */
public record RunSettings(Optional<String> command, int port, Optional<String> portEnv, Map<String, String> env,
                          HealthCheckSettings healthCheck, InstanceSettings instance, Duration requestTimeout,
                          ScalingSettings scaling) {

    private static final Logger LOG = LoggerFactory.getLogger(RunSettings.class);

    /** Missing settings (e.g. in artifacts recorded before they existed) take the defaults. */
    public RunSettings {
        env = Map.copyOf(env);
        healthCheck = healthCheck == null ? HealthCheckSettings.defaults() : healthCheck;
        instance = instance == null ? InstanceSettings.defaults() : instance;
        requestTimeout = requestTimeout == null
                ? Duration.ofSeconds(SlipwaySection.DEFAULT_REQUEST_TIMEOUT_SECONDS) : requestTimeout;
        scaling = scaling == null ? ScalingSettings.defaults() : scaling;
    }

    /** Settings with the default scaling. */
    public RunSettings(Optional<String> command, int port, Optional<String> portEnv, Map<String, String> env,
                       HealthCheckSettings healthCheck, InstanceSettings instance, Duration requestTimeout) {
        this(command, port, portEnv, env, healthCheck, instance, requestTimeout, null);
    }

    /** Settings with the default request timeout. */
    public RunSettings(Optional<String> command, int port, Optional<String> portEnv, Map<String, String> env,
                       HealthCheckSettings healthCheck, InstanceSettings instance) {
        this(command, port, portEnv, env, healthCheck, instance, null, null);
    }

    /** Settings with the default health check and instance size. */
    public RunSettings(Optional<String> command, int port, Optional<String> portEnv, Map<String, String> env) {
        this(command, port, portEnv, env, HealthCheckSettings.defaults(), InstanceSettings.defaults(), null, null);
    }

    /**
     * The run settings an {@code apprunner.yaml} (or Makefile) project declares: {@code run.command},
     * {@code run.network.port} and {@code .env}, and {@code run.env}. {@code run.secrets} are not
     * resolved yet: each one is reported to {@code log} and left out.
     */
    public static RunSettings of(AppRunnerConfig config, BuildLog log) {
        var run = config.run();
        var network = run.network() == null ? NetworkSection.defaults() : run.network();
        var env = new LinkedHashMap<String, String>();
        for (EnvVar variable : run.env()) {
            env.put(variable.name(), variable.value());
        }
        for (var secret : run.secrets()) {
            var message = "run.secrets: " + secret.name() + " is not set: secrets are not resolved yet";
            LOG.warn(message);
            log.line(BuildPhase.IMAGE.label(), message);
        }
        var slipway = config.slipway();
        return new RunSettings(Optional.of(run.command()), network.port(), network.env(), env,
                slipway.healthCheck(), slipway.instance(), slipway.requestTimeout(), slipway.scaling());
    }
}
