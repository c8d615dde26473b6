package dev.slipway.config;

import java.util.Objects;

/**
 * A parsed {@code apprunner.yaml}: what to build and how to run it.
 *
 * @param version the file's {@code version}, as written ("1.0" for every documented file)
 * @param runtime the canonical runtime name, e.g. {@code python3} or {@code python311}
 * @param build   the {@code build} section
 * @param run     the {@code run} section
 */
public record AppRunnerConfig(String version, String runtime, BuildSection build, RunSection run) {

    /** The file name App Runner reads from a service's source directory. */
    public static final String FILE_NAME = "apprunner.yaml";

    public AppRunnerConfig {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(runtime, "runtime");
        Objects.requireNonNull(build, "build");
        Objects.requireNonNull(run, "run");
    }
}
