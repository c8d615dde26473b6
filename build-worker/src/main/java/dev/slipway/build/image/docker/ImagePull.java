package dev.slipway.build.image.docker;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.PullResponseItem;
import dev.slipway.build.image.BuildLog;
import dev.slipway.build.image.BuildPhase;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Pulls a base image from its registry, logging the pull's steps and failing with the daemon's error. */
final class ImagePull {

    private static final String LATEST = "latest";

    private final DockerClients clients;
    private final Duration pullTimeout;

    ImagePull(DockerClients clients, Duration pullTimeout) {
        this.clients = clients;
        this.pullTimeout = pullTimeout;
    }

    /** @throws IllegalStateException with the daemon's error when the pull fails or times out */
    void pull(String reference, BuildLog log) {
        var callback = new PullProgress(log);
        var command = clients.streaming().pullImageCmd(repository(reference));
        tag(reference).ifPresent(command::withTag);
        try (callback) {
            command.exec(callback);
            if (!callback.awaitCompletion(pullTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("no result after " + pullTimeout.toSeconds() + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (IOException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        if (callback.failure != null) {
            throw new IllegalStateException(DaemonErrors.message(callback.failure), callback.failure);
        }
        if (callback.error != null) {
            throw new IllegalStateException(callback.error);
        }
    }

    /** {@code host:5000/name:tag} → {@code host:5000/name}; references with a digest stay whole. */
    static String repository(String reference) {
        var tagStart = tagSeparator(reference);
        return tagStart < 0 ? reference : reference.substring(0, tagStart);
    }

    static Optional<String> tag(String reference) {
        if (reference.contains("@")) {
            return Optional.empty();
        }
        var tagStart = tagSeparator(reference);
        return Optional.of(tagStart < 0 ? LATEST : reference.substring(tagStart + 1));
    }

    private static int tagSeparator(String reference) {
        if (reference.contains("@")) {
            return -1;
        }
        var colon = reference.lastIndexOf(':');
        return colon > reference.lastIndexOf('/') ? colon : -1;
    }

    /** Logs pull steps (not byte counts) and keeps the daemon's error, in the stream or as a refused request. */
    private static final class PullProgress extends ResultCallback.Adapter<PullResponseItem> {
        private final BuildLog log;
        private volatile String error;
        private volatile Throwable failure;

        PullProgress(BuildLog log) {
            this.log = log;
        }

        @Override
        public void onNext(PullResponseItem item) {
            if (item.getErrorDetail() != null) {
                error = item.getErrorDetail().getMessage();
            } else if (item.getError() != null) {
                error = item.getError();
            } else if (item.getStatus() != null
                    && (item.getProgressDetail() == null || item.getProgressDetail().getCurrent() == null)) {
                var id = item.getId() == null ? "" : item.getId() + ": ";
                log.line(BuildPhase.BASE.label(), id + item.getStatus());
            }
        }

        @Override
        public void onError(Throwable throwable) {
            failure = throwable;
            BuildCallback.closeQuietly(this);
        }
    }
}
