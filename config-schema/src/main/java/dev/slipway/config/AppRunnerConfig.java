package dev.slipway.config;

import dev.slipway.config.runtime.ManagedRuntime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A parsed {@code apprunner.yaml}: what to build and how to run it, plus Slipway's extensions.
 *
 * @param version the file's {@code version}, as written ("1.0" for every documented file)
 * @param runtime the canonical runtime name, e.g. {@code python3} or {@code python311}, whatever
 *                alias the file used
 * @param build   the {@code build} section
 * @param run     the {@code run} section
 * @param models  the {@code models} to fetch into the app directory before the build; empty when absent
 * @param slipway the {@code slipway} service settings; every part at its defaults when absent
 */
public record AppRunnerConfig(String version, String runtime, BuildSection build, RunSection run,
        List<ModelSource> models, SlipwaySection slipway) {

    /** The file name App Runner reads from a service's source directory. */
    public static final String FILE_NAME = "apprunner.yaml";

    public AppRunnerConfig {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(runtime, "runtime");
        Objects.requireNonNull(build, "build");
        Objects.requireNonNull(run, "run");
        models = List.copyOf(models);
        Objects.requireNonNull(slipway, "slipway");
    }

    /** A config without models and with the default Slipway settings. */
    public AppRunnerConfig(String version, String runtime, BuildSection build, RunSection run) {
        this(version, runtime, build, run, List.of(), SlipwaySection.defaults());
    }

    /** The runtime, or empty when {@link #runtime()} is not a runtime name (only possible for hand-made configs). */
    public Optional<ManagedRuntime> managedRuntime() {
        return ManagedRuntime.fromFileName(runtime);
    }

    /**
     * The environment of the pre-build, build and post-build commands and of {@code run.pre-run}:
     * {@code build.env} only. Neither {@code run.env} nor secrets are ever part of it.
     */
    public Map<String, String> buildEnvironment() {
        return build.environment();
    }

    /**
     * The running app's environment without secrets: {@code run.env}, then {@code PORT} and the
     * {@code run.network.env} variable. {@code build.env} is never part of it.
     *
     * @see RunSection#environment(Map)
     */
    public Map<String, String> runEnvironment() {
        return run.environment();
    }
}
