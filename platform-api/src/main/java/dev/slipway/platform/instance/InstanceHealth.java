package dev.slipway.platform.instance;

import java.time.temporal.ChronoUnit;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * How a deployment's instances are doing, in words for a service's status reason: how many are
 * healthy of how many it should run, and what is wrong with the worst of the others.
 *
 * @param healthy the instances that pass their health checks
 * @param desired the instances it should run
 * @param starting whether every instance not healthy is starting, none crashed or unhealthy
 * @param problem the worst problem, e.g. {@code instance i3f2a9c1d… crashed 4 times in a row, last:
 *                exit 1; next restart at 2026-12-04T12:00:08Z; its output:
 *                GET /api/v1/services/hello/logs?instance=i3f2a9c1d7e0}
 */
public record InstanceHealth(int healthy, int desired, boolean starting, Optional<String> problem) {

    public static InstanceHealth of(String service, List<Instance> instances, int desired, Instant now) {
        var live = instances.stream().filter(i -> i.state().isCurrent()).toList();
        var healthy = (int) live.stream().filter(i -> i.state() == InstanceState.HEALTHY).count();
        var worst = live.stream().filter(i -> i.state() != InstanceState.HEALTHY)
                .max(Comparator.comparingInt(Instance::crashStreak).thenComparing(i -> i.state() != InstanceState.STARTING));
        var starting = live.stream().allMatch(i -> i.state() == InstanceState.HEALTHY || i.state() == InstanceState.STARTING);
        return new InstanceHealth(healthy, desired, starting, worst.map(i -> describe(service, i, now)));
    }

    /** All it should run are healthy. */
    public boolean complete() {
        return healthy >= desired;
    }

    private static String describe(String service, Instance instance, Instant now) {
        var text = new StringBuilder("instance ").append(instance.shortId());
        switch (instance.state()) {
            case STARTING -> text.append(" is starting");
            case CRASHED, UNHEALTHY -> {
                text.append(instance.state() == InstanceState.CRASHED ? " crashed" : " became unhealthy");
                if (instance.crashStreak() > 1) {
                    text.append(' ').append(instance.crashStreak()).append(" times in a row");
                }
                instance.lastExitReason().ifPresent(last -> text.append(", last: ").append(last));
                instance.stateReason().filter(r -> instance.state() == InstanceState.UNHEALTHY)
                        .ifPresent(r -> text.append(" (").append(r).append(')'));
                instance.nextRestartAt().filter(now::isBefore).ifPresent(at -> text.append("; next restart at ")
                        .append(at.truncatedTo(ChronoUnit.SECONDS)));
                text.append("; its output: GET /api/v1/services/").append(service).append("/logs?instance=")
                        .append(instance.id());
            }
            default -> text.append(" is ").append(instance.state().name().toLowerCase(java.util.Locale.ROOT));
        }
        return text.toString();
    }
}
