package dev.slipway.build.image.docker;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import dev.slipway.build.image.BuildLog;
import dev.slipway.build.image.BuildPhase;
import dev.slipway.build.image.RecentLines;
import dev.slipway.build.image.SecretMask;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Receives an exec's frames (stdout and stderr apart, as the exec runs without a terminal) and
 * logs them line by line, secrets masked, keeping the last lines for a failure message.
 */
final class ExecOutput extends ResultCallback.Adapter<Frame> {

    private final StreamLines stdout;
    private final StreamLines stderr;
    private final RecentLines recent = new RecentLines();
    private final CountDownLatch ended = new CountDownLatch(1);
    private volatile Throwable failure;

    ExecOutput(BuildPhase phase, BuildLog log, SecretMask mask) {
        this.stdout = new StreamLines(line -> forward(phase, log, mask, BuildLog.Stream.STDOUT, line));
        this.stderr = new StreamLines(line -> forward(phase, log, mask, BuildLog.Stream.STDERR, line));
    }

    @Override
    public void onNext(Frame frame) {
        if (frame.getPayload() == null) {
            return;
        }
        switch (frame.getStreamType()) {
            case STDERR -> accept(stderr, frame.getPayload());
            case STDOUT, RAW -> accept(stdout, frame.getPayload());
            default -> {
                // STDIN frames do not occur: the exec gets no input.
            }
        }
    }

    @Override
    public void onError(Throwable throwable) {
        failure = throwable;
        ended.countDown();
        BuildCallback.closeQuietly(this);
    }

    @Override
    public void onComplete() {
        ended.countDown();
        super.onComplete();
    }

    /**
     * Waits for the output to end. Unlike {@code awaitCompletion(timeout)}, which closes the
     * stream when the time is up, this leaves it open, so it can wait in slices.
     *
     * @return whether the output ended
     */
    boolean awaitEnd(Duration timeout) throws InterruptedException {
        return ended.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Passes on the last lines that had no line break; call once the exec ended. */
    void finish() {
        synchronized (stdout) {
            stdout.finish();
        }
        synchronized (stderr) {
            stderr.finish();
        }
    }

    /** The command's last lines, both streams interleaved as they came. */
    RecentLines recent() {
        return recent;
    }

    /** Why the output stream broke off, when it did. */
    Optional<Throwable> failure() {
        return Optional.ofNullable(failure);
    }

    private static void accept(StreamLines lines, byte[] payload) {
        synchronized (lines) {
            lines.accept(payload);
        }
    }

    private void forward(BuildPhase phase, BuildLog log, SecretMask mask, BuildLog.Stream stream, String line) {
        var masked = mask.apply(line);
        recent.add(masked);
        log.line(phase.label(), stream, masked);
    }
}
