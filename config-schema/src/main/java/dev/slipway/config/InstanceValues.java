package dev.slipway.config;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads CPU and memory sizes as App Runner writes them: CPU in units (1024 per vCPU) or vCPU,
 * memory in MB or GB. A bare number too small to be units or MB is read as vCPU or GB.
 */
final class InstanceValues {

    private static final Pattern CPU = Pattern.compile("(\\d{1,6}(?:\\.\\d{1,6})?)\\s*(vcpus?)?");
    private static final Pattern MEMORY = Pattern.compile("(\\d{1,6}(?:\\.\\d{1,6})?)\\s*(gb|gib|mb|mib)?");
    private static final BigDecimal MILLICORES_PER_VCPU = BigDecimal.valueOf(1000);
    private static final BigDecimal UNITS_PER_VCPU = BigDecimal.valueOf(1024);
    private static final BigDecimal MIB_PER_GB = BigDecimal.valueOf(1024);
    private static final String GB = "g";

    private InstanceValues() {
    }

    /** The CPU size in millicores, or empty when the text is not one of App Runner's sizes. */
    static Optional<Integer> cpuMillicores(String text) {
        var matcher = CPU.matcher(normalize(text));
        if (!matcher.matches()) {
            return Optional.empty();
        }
        var number = new BigDecimal(matcher.group(1));
        var fromVcpus = exact(number.multiply(MILLICORES_PER_VCPU));
        if (matcher.group(2) != null) {
            return fromVcpus.filter(InstanceSettings.CPU_MILLICORES::contains);
        }
        var fromUnits = exact(number.multiply(MILLICORES_PER_VCPU).divide(UNITS_PER_VCPU, 6,
                RoundingMode.HALF_UP));
        return fromUnits.filter(InstanceSettings.CPU_MILLICORES::contains)
                .or(() -> fromVcpus.filter(InstanceSettings.CPU_MILLICORES::contains));
    }

    /** The memory size in MiB, or empty when the text is not one of App Runner's sizes. */
    static Optional<Integer> memoryMib(String text) {
        var matcher = MEMORY.matcher(normalize(text));
        if (!matcher.matches()) {
            return Optional.empty();
        }
        var number = new BigDecimal(matcher.group(1));
        var fromGb = exact(number.multiply(MIB_PER_GB));
        var unit = matcher.group(2);
        if (unit != null) {
            var mib = unit.startsWith(GB) ? fromGb : exact(number);
            return mib.filter(InstanceSettings.MEMORY_MIB::contains);
        }
        return exact(number).filter(InstanceSettings.MEMORY_MIB::contains)
                .or(() -> fromGb.filter(InstanceSettings.MEMORY_MIB::contains));
    }

    private static String normalize(String text) {
        return text.strip().toLowerCase(Locale.ROOT);
    }

    /** The value as an int when it is a whole number. */
    private static Optional<Integer> exact(BigDecimal value) {
        try {
            return Optional.of(value.stripTrailingZeros().intValueExact());
        } catch (ArithmeticException e) {
            return Optional.empty();
        }
    }
}
