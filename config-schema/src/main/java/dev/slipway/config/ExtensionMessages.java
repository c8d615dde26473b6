package dev.slipway.config;

import static dev.slipway.config.Messages.quote;

import dev.slipway.config.YamlNode.Position;
import java.util.List;
import java.util.stream.Collectors;

/** The problem texts of Slipway's extensions ({@code models}, {@code slipway}): what is wrong; how to fix it. */
final class ExtensionMessages {

    static final String SOURCE_EXAMPLE = "source: s3://my-models/resnet50/";
    static final String TARGET_EXAMPLE = "target: models/resnet50";
    static final String CPU_EXAMPLE = "cpu: 1 vCPU";
    static final String MEMORY_EXAMPLE = "memory: 2 GB";

    private ExtensionMessages() {
    }

    static String badSource(String text) {
        return quote(text) + " is not an s3:// URI with a bucket; write e.g. " + SOURCE_EXAMPLE;
    }

    static String badTarget(String text) {
        return quote(text) + " is not a path inside the app; use a relative path without .., e.g. " + TARGET_EXAMPLE;
    }

    static String duplicateTarget(String target, Position first) {
        return quote(target) + " is already a target at line " + first.line() + ", column " + first.column()
                + "; give each model its own target";
    }

    static String badProtocol(String text) {
        return quote(text) + " is not a health check protocol; use TCP or HTTP, e.g. protocol: HTTP";
    }

    static String badPath(String text) {
        return quote(text) + " is not an HTTP path; start it with /, e.g. path: /health";
    }

    static String pathWithTcp() {
        return "only HTTP health checks use a path and the protocol is TCP; add protocol: HTTP or remove path";
    }

    static String minAboveMax(int min, int max) {
        return "min-instances " + min + " is above max-instances " + max
                + "; lower min-instances or raise max-instances";
    }

    static String badCpu(String text) {
        return quote(text) + " is not a CPU size; use 256, 512, 1024, 2048 or 4096 (units) or 0.25, 0.5, 1, 2 or 4 "
                + "vCPU, e.g. " + CPU_EXAMPLE;
    }

    static String badMemory(String text) {
        return quote(text) + " is not a memory size; use 512, 1024, 2048, 3072, 4096, 6144, 8192, 10240 or 12288 "
                + "(MB) or 0.5, 1, 2, 3, 4, 6, 8, 10 or 12 GB, e.g. " + MEMORY_EXAMPLE;
    }

    static String sizeNotOffered(InstanceSettings instance) {
        var offered = InstanceSettings.offeredMemoryMib(instance.cpuMillicores()).stream()
                .map(mib -> gb(mib / (double) 1024)).collect(Collectors.toList());
        return vcpu(instance.vcpus()) + " with " + gb(instance.memoryGb()) + " is not a size App Runner offers (with "
                + vcpu(instance.vcpus()) + " it offers " + or(offered) + "); Slipway runs it, choose an offered size "
                + "to stay compatible with App Runner";
    }

    static String vcpu(double vcpus) {
        return number(vcpus) + " vCPU";
    }

    static String gb(double gb) {
        return number(gb) + " GB";
    }

    /** 0.25 → "0.25", 2.0 → "2". */
    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    private static String or(List<String> items) {
        if (items.size() == 1) {
            return items.get(0);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " or " + items.get(items.size() - 1);
    }
}
