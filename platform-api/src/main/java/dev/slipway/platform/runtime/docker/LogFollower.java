package dev.slipway.platform.runtime.docker;

import com.github.dockerjava.api.DockerClient;
import dev.slipway.platform.runtime.Container;
import dev.slipway.platform.runtime.ContainerOutput;
import dev.slipway.platform.runtime.ContainerState;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies one container's output to Slipway while the container runs, one
 * {@link ContainerOutput#line} per line, timed by Docker. When the stream breaks while the
 * container still runs (a daemon restart, a timeout), it follows again from where it was; it
 * ends when the container ends, or on {@link #close()}. Lines are copied one at a time, oldest
 * first, never twice.
 */
final class LogFollower {

    private static final Duration FIRST_RETRY = Duration.ofMillis(250);
    private static final Duration LAST_RETRY = Duration.ofSeconds(10);
    private static final Duration LAST_LINES_TIMEOUT = Duration.ofSeconds(2);
    private static final Logger log = LoggerFactory.getLogger(LogFollower.class);

    private final Container container;
    private final DockerClient control;
    private final DockerClient streams;
    private final ContainerOutput output;
    private final ScheduledExecutorService scheduler;
    private final Consumer<LogFollower> finished;
    /** When the newest line copied was written; lines not newer are skipped when following again. */
    private volatile Instant copiedUntil;
    private volatile Duration retry = FIRST_RETRY;
    private boolean closed;
    private LogLines current;

    /**
     * @param copiedUntil when the newest line already copied was written, for an adopted container
     * @param finished    learns that the container ended and its last line was copied
     */
    LogFollower(Container container, DockerClient control, DockerClient streams, ContainerOutput output,
                ScheduledExecutorService scheduler, Optional<Instant> copiedUntil, Consumer<LogFollower> finished) {
        this.container = container;
        this.control = control;
        this.streams = streams;
        this.output = output;
        this.scheduler = scheduler;
        this.finished = finished;
        this.copiedUntil = copiedUntil.orElse(null);
    }

    synchronized void start() {
        if (closed) {
            return;
        }
        var after = copiedUntil;
        var lines = new LogLines(after, this::copy, this::ended);
        current = lines;
        try {
            var command = streams.logContainerCmd(container.id())
                    .withFollowStream(true).withTimestamps(true).withStdOut(true).withStdErr(true);
            if (after != null) {
                // Docker takes whole seconds; LogLines skips what was copied within that second.
                command.withSince((int) after.getEpochSecond());
            }
            command.exec(lines);
        } catch (RuntimeException e) {
            lines.failed(e);
        }
    }

    /**
     * Stops following, after copying what the container wrote until now: lines still on their way
     * would otherwise wait for the next Slipway.
     */
    void close() {
        LogLines following;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            following = current;
        }
        if (following != null) {
            following.abandon();
        }
        copyTheRest();
    }

    private void copyTheRest() {
        var after = copiedUntil;
        var rest = new LogLines(after, this::copy, failure -> { });
        try {
            var command = streams.logContainerCmd(container.id()).withTimestamps(true).withStdOut(true).withStdErr(true);
            if (after != null) {
                command.withSince((int) after.getEpochSecond());
            }
            command.exec(rest).awaitCompletion(LAST_LINES_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.debug("Could not copy the last lines of container {}: {}", DockerStates.shortId(container.id()), e.toString());
        } finally {
            rest.abandon();
        }
    }

    private synchronized boolean isClosed() {
        return closed;
    }

    private void copy(Instant time, ContainerOutput.Stream stream, String text) {
        var until = copiedUntil;
        if (until == null || time.isAfter(until)) {
            copiedUntil = time;
        }
        retry = FIRST_RETRY;
        try {
            output.line(container, time, stream, text);
        } catch (RuntimeException e) {
            log.warn("Could not store a line of container {}: {}", DockerStates.shortId(container.id()), e.toString());
        }
    }

    /** The stream ended: the container ended, or the stream broke ({@code failure} is then set). */
    private void ended(Throwable failure) {
        if (failure != null) {
            log.debug("Output of container {} stopped arriving: {}", DockerStates.shortId(container.id()), failure.toString());
        }
        schedule(() -> resumeOrFinish(failure != null), failure == null ? Duration.ZERO : retry);
    }

    /**
     * Follows again while the container runs, and once more after a broken stream so the last
     * lines of a container that ended meanwhile are copied too.
     */
    private void resumeOrFinish(boolean broken) {
        if (isClosed()) {
            return;
        }
        ContainerState state;
        try {
            state = DockerStates.current(control, container.id());
        } catch (RuntimeException e) {
            backOff();
            schedule(() -> resumeOrFinish(true), retry);
            return;
        }
        if (state.running() || (broken && !state.equals(ContainerState.GONE))) {
            backOff();
            schedule(this::start, state.running() && !broken ? retry : Duration.ZERO);
        } else {
            finished.accept(this);
        }
    }

    private void backOff() {
        var doubled = retry.multipliedBy(2);
        retry = doubled.compareTo(LAST_RETRY) > 0 ? LAST_RETRY : doubled;
    }

    private void schedule(Runnable task, Duration delay) {
        try {
            scheduler.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // The runtime closed: nothing is followed any more.
        }
    }
}
