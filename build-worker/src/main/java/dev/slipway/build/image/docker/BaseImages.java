package dev.slipway.build.image.docker;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.PullResponseItem;
import dev.slipway.build.image.BuildFailedException;
import dev.slipway.build.image.BuildLog;
import dev.slipway.build.image.BuildPhase;
import dev.slipway.config.runtime.RuntimeCatalog;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Chooses a runtime's images: for each of the build and run images, the first catalog candidate
 * the daemon already has, else the first candidate pulled from its registry.
 */
final class BaseImages {

    private static final String LATEST = "latest";

    /** What an image is for. */
    enum Role {
        /** The image build commands run on. */
        BUILD("base image"),
        /** The image the app runs on (revised build). */
        RUN("run image");

        private final String description;

        Role(String description) {
            this.description = description;
        }

        /** E.g. "base image". */
        String description() {
            return description;
        }
    }

    /**
     * A chosen image.
     *
     * @param reference the catalog's reference, e.g. {@code python:3.11}
     * @param image     what the daemon has under it
     */
    record BaseImage(String reference, ImageInfo image) {
    }

    private final DockerClients clients;
    private final Images images;
    private final RuntimeCatalog catalog;
    private final BaseImageMessages messages;
    private final Duration pullTimeout;

    BaseImages(DockerClients clients, RuntimeCatalog catalog, Duration pullTimeout) {
        this.clients = clients;
        this.images = new Images(clients);
        this.catalog = catalog;
        this.messages = new BaseImageMessages(catalog);
        this.pullTimeout = pullTimeout;
    }

    /**
     * Where a command that was not found was looked for: {@code image} and what it carries, and
     * what to do about it.
     */
    /** What the catalog says the image carries, when it knows. */
    Optional<String> carries(BaseImage image) {
        return catalog.describe(image.reference());
    }

    String notFoundIn(Role role, BaseImage image) {
        return messages.notFoundIn(role, image.reference());
    }

    /**
     * @param runtimeVersion {@code run.runtime-version}, which puts a version-specific image first
     * @throws BuildFailedException naming the images tried when none is present or can be pulled
     */
    BaseImage resolve(String runtime, Optional<String> runtimeVersion, Role role, BuildLog log) {
        var phase = BuildPhase.BASE.label();
        var image = catalog.lookup(runtime, runtimeVersion).orElseThrow(() -> new BuildFailedException(
                "unknown runtime \"" + runtime + "\"; use one of " + String.join(", ", catalog.runtimes())));
        var candidates = role == Role.BUILD ? image.buildCandidates() : image.runCandidates();
        for (var candidate : candidates) {
            var present = images.find(candidate);
            if (present.isPresent()) {
                log.line(phase, messages.using(role, candidate, runtime, runtimeVersion));
                return new BaseImage(candidate, present.get());
            }
        }
        log.line(phase, "none of " + String.join(", ", candidates) + " is present locally; pulling");
        var failures = new ArrayList<String>();
        for (var candidate : candidates) {
            try {
                pull(candidate, log);
                var pulled = images.find(candidate);
                if (pulled.isPresent()) {
                    log.line(phase, messages.using(role, candidate, runtime, runtimeVersion));
                    return new BaseImage(candidate, pulled.get());
                }
                failures.add(candidate + ": the pull ended but the image is still missing");
            } catch (RuntimeException e) {
                failures.add(candidate + ": " + e.getMessage());
            }
        }
        throw new BuildFailedException("no " + role.description + " for runtime " + runtime + ": none of "
                + String.join(", ", candidates) + " is present locally, and pulling failed:\n  "
                + String.join("\n  ", failures) + "\n" + BaseImageMessages.remedy(runtime, candidates));
    }

    private void pull(String reference, BuildLog log) {
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
