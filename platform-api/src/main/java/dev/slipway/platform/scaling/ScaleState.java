package dev.slipway.platform.scaling;

import dev.slipway.platform.routing.ServiceTraffic;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Locale;
import java.util.Optional;

/**
 * One service's autoscaling, decided once a second from its concurrency (requests under way and
 * waiting). Out fast: as soon as the average over the last few seconds (the panic window) needs more
 * instances at {@link Scaling#target()} each. In slowly: only when every second of the stable window
 * needed fewer, and never while panicking (load of twice what the instances take) or within a
 * stable window of it. To zero only after {@link Scaling#scaleToZeroAfter()} without any request.
 */
final class ScaleState {

    /** Knative's default: a tenth of its 60 s stable window. */
    static final Duration PANIC_WINDOW = Duration.ofSeconds(6);

    private final ArrayDeque<Sample> samples = new ArrayDeque<>();
    private int desired;
    private Instant panicUntil = Instant.MIN;
    private Instant lastActivity;
    private long lastRequests = -1;

    ScaleState(int desired, Instant now) {
        this.desired = desired;
        this.lastActivity = now;
    }

    synchronized int desired() {
        return desired;
    }

    /** Runs {@code instances} from now on (a deployment or a resume), as if just used. */
    synchronized void restart(int instances, Instant now) {
        desired = instances;
        lastActivity = now;
    }

    /** A request waits for a service scaled to zero: one instance, now. */
    synchronized Optional<Change> wake(Instant now) {
        lastActivity = now;
        return desired > 0 ? Optional.empty() : change(1, "a request arrived while it was scaled to zero");
    }

    /** Settings changed: the count is brought within the new minimum and maximum at once. */
    synchronized Optional<Change> settle(Scaling scaling) {
        if (desired < scaling.minSize()) {
            return change(scaling.minSize(), "minSize is " + scaling.minSize());
        }
        if (desired > scaling.maxSize()) {
            return change(scaling.maxSize(), "maxSize is " + scaling.maxSize());
        }
        return Optional.empty();
    }

    /** One second's look at the service's traffic. */
    synchronized Optional<Change> observe(Instant now, ServiceTraffic traffic, Scaling scaling) {
        int concurrency = traffic.concurrency();
        if (traffic.requests() != lastRequests || concurrency > 0) {
            lastActivity = now;
        }
        lastRequests = traffic.requests();
        samples.addLast(new Sample(now, concurrency));
        var windowStart = now.minus(scaling.stableWindow());
        while (samples.peekFirst().at().isBefore(windowStart)) {
            samples.removeFirst();
        }
        double target = scaling.target();
        var panicWindow = scaling.stableWindow().compareTo(PANIC_WINDOW) < 0 ? scaling.stableWindow() : PANIC_WINDOW;
        double recent = average(now.minus(panicWindow));
        int wanted = (int) Math.ceil(recent / target);
        if (desired > 0 && recent >= 2 * desired * target) {
            panicUntil = now.plus(scaling.stableWindow());
        }
        if (wanted > desired && desired < scaling.maxSize()) {
            int to = Math.min(wanted, scaling.maxSize());
            return change(to, desired == 0 ? traffic.queued() + " request(s) waiting"
                    : String.format(Locale.ROOT, "average concurrency %.0f over %d s is above %s per instance "
                            + "(%.0f%% of %s)%s%s", recent, panicWindow.toSeconds(), number(target),
                    Scaling.TARGET_UTILISATION * 100, scaling.capacitySetting(),
                    now.isBefore(panicUntil) ? "; panic: twice what the instances take" : "",
                    to < wanted ? "; capped at maxSize " + scaling.maxSize() : ""));
        }
        // Nothing to scale in from zero; none during a panic; none before a whole stable window was observed.
        if (desired == 0 || now.isBefore(panicUntil) || samples.peekFirst().at().isAfter(windowStart.plusSeconds(1))) {
            return Optional.empty();
        }
        int highest = samples.stream().mapToInt(Sample::concurrency).max().orElse(0);
        int peak = (int) Math.ceil(highest / target);
        var idle = Duration.between(lastActivity, now);
        int floor = scaling.minSize() > 0 ? scaling.minSize() : idle.compareTo(scaling.scaleToZeroAfter()) >= 0 ? 0 : 1;
        int to = Math.max(peak, floor);
        if (to >= desired) {
            return Optional.empty();
        }
        return change(to, to == 0 ? "no request for " + idle.toSeconds() + " s"
                : String.format(Locale.ROOT, "concurrency at most %d over the last %d s; %d instance(s) take it at "
                        + "%s of %d each", highest, scaling.stableWindow().toSeconds(), to, number(target),
                scaling.capacity()));
    }

    /** 70 for 70.0, 1.4 for 1.4. */
    private static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }

    private double average(Instant since) {
        return samples.stream().filter(s -> !s.at().isBefore(since)).mapToInt(Sample::concurrency).average().orElse(0);
    }

    private Optional<Change> change(int to, String reason) {
        var change = new Change(desired, to, reason);
        desired = to;
        return Optional.of(change);
    }

    private record Sample(Instant at, int concurrency) {
    }

    /** A decision, as the service's events tell it: "Scaled 2→4: average concurrency 186 …". */
    record Change(int from, int to, String reason) {

        String message() {
            return "Scaled " + from + "→" + to + ": " + reason;
        }
    }
}
