package dev.slipway.config;

import java.util.List;
import java.util.Map;

/**
 * {@code slipway.instance}: the CPU and memory of each instance, in the sizes App Runner offers.
 * Combinations App Runner does not offer are allowed; {@link #appRunnerOffers()} tells them apart.
 *
 * @param cpuMillicores thousandths of a vCPU: 250, 500, 1000, 2000 or 4000
 * @param memoryMib     MiB (App Runner's "MB"): 512, 1024, 2048, 3072, 4096, 6144, 8192, 10240 or 12288
 */
public record InstanceSettings(int cpuMillicores, int memoryMib) {

    /** 1 vCPU. */
    public static final int DEFAULT_CPU_MILLICORES = 1000;
    /** 2 GB. */
    public static final int DEFAULT_MEMORY_MIB = 2048;
    /** The CPU sizes App Runner offers, smallest first. */
    public static final List<Integer> CPU_MILLICORES = List.of(250, 500, 1000, 2000, 4000);
    /** The memory sizes App Runner offers, smallest first. */
    public static final List<Integer> MEMORY_MIB = List.of(512, 1024, 2048, 3072, 4096, 6144, 8192, 10240, 12288);

    private static final int MILLICORES_PER_VCPU = 1000;
    private static final int UNITS_PER_VCPU = 1024;
    private static final int MIB_PER_GB = 1024;
    /** The combinations App Runner offers: CPU → memory sizes. */
    private static final Map<Integer, List<Integer>> OFFERED = Map.of(
            250, List.of(512, 1024),
            500, List.of(1024),
            1000, List.of(2048, 3072, 4096),
            2000, List.of(4096, 6144),
            4000, List.of(8192, 10240, 12288));

    /** @throws IllegalArgumentException when the CPU or memory is not one of App Runner's sizes */
    public InstanceSettings {
        if (!CPU_MILLICORES.contains(cpuMillicores)) {
            throw new IllegalArgumentException("cpu must be one of " + CPU_MILLICORES + " millicores: " + cpuMillicores);
        }
        if (!MEMORY_MIB.contains(memoryMib)) {
            throw new IllegalArgumentException("memory must be one of " + MEMORY_MIB + " MiB: " + memoryMib);
        }
    }

    public static InstanceSettings defaults() {
        return new InstanceSettings(DEFAULT_CPU_MILLICORES, DEFAULT_MEMORY_MIB);
    }

    /** The memory sizes App Runner offers with a CPU size, in MiB. */
    public static List<Integer> offeredMemoryMib(int cpuMillicores) {
        return OFFERED.getOrDefault(cpuMillicores, List.of());
    }

    /** The CPU in vCPUs, e.g. 0.25. */
    public double vcpus() {
        return (double) cpuMillicores / MILLICORES_PER_VCPU;
    }

    /** The CPU in App Runner's units (1024 per vCPU), e.g. 256. */
    public int cpuUnits() {
        return cpuMillicores * UNITS_PER_VCPU / MILLICORES_PER_VCPU;
    }

    /** The memory in GB as App Runner counts them (1024 MiB each), e.g. 0.5. */
    public double memoryGb() {
        return (double) memoryMib / MIB_PER_GB;
    }

    /** Whether App Runner offers this CPU and memory together. */
    public boolean appRunnerOffers() {
        return offeredMemoryMib(cpuMillicores).contains(memoryMib);
    }
}
