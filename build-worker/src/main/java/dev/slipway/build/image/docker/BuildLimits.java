package dev.slipway.build.image.docker;

import java.time.Duration;
import java.util.Objects;

/**
 * What one build may use. The CPU and memory limits apply to every container build commands run
 * in (and to the steps of a project's own Dockerfile); {@code cpus} is capped at the Docker
 * host's CPU count.
 *
 * @param timeout     how long the whole build may take, cache look-ups and image assembly included
 * @param cpus        how many CPUs a build container may use, e.g. {@code 1.5}
 * @param memoryBytes the memory of a build container; it gets no swap on top
 * @param pids        how many processes and threads may exist in a build container at once
 */
public record BuildLimits(Duration timeout, double cpus, long memoryBytes, long pids) {

    /** How long a build may take unless told otherwise, as on App Runner. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(20);
    /** CPUs per build container unless told otherwise. */
    public static final double DEFAULT_CPUS = 2.0;
    /** Memory per build container unless told otherwise: enough for Maven, webpack or a pip wheel build. */
    public static final long DEFAULT_MEMORY_BYTES = 4L * 1024 * 1024 * 1024;
    /** Processes and threads per build container unless told otherwise: stops fork bombs, not builds. */
    public static final long DEFAULT_PIDS = 2048;

    public BuildLimits {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
        if (!(cpus > 0)) {
            throw new IllegalArgumentException("cpus must be positive: " + cpus);
        }
        if (memoryBytes <= 0 || pids <= 0) {
            throw new IllegalArgumentException("memory and pids limits must be positive");
        }
    }

    /** Every default. */
    public static BuildLimits defaults() {
        return new BuildLimits(DEFAULT_TIMEOUT, DEFAULT_CPUS, DEFAULT_MEMORY_BYTES, DEFAULT_PIDS);
    }

    /** These limits with another timeout. */
    public BuildLimits withTimeout(Duration newTimeout) {
        return new BuildLimits(newTimeout, cpus, memoryBytes, pids);
    }
}
