package dev.slipway.build.image.docker;

import dev.slipway.build.image.BuildFailedException;
import dev.slipway.build.image.BuildLog;
import dev.slipway.build.image.BuildPhase;
import dev.slipway.config.runtime.RuntimeCatalog;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Optional;

/**
 * Chooses a runtime's images: for each of the build and run images, the first catalog candidate
 * the daemon already has, else the first candidate pulled from its registry.
 */
final class BaseImages {

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

    private final Images images;
    private final ImagePull pulls;
    private final RuntimeCatalog catalog;
    private final BaseImageMessages messages;

    BaseImages(DockerClients clients, RuntimeCatalog catalog, Duration pullTimeout) {
        this.images = new Images(clients);
        this.pulls = new ImagePull(clients, pullTimeout);
        this.catalog = catalog;
        this.messages = new BaseImageMessages(catalog);
    }

    /** What the catalog says the image carries, when it knows. */
    Optional<String> carries(BaseImage image) {
        return catalog.describe(image.reference());
    }

    /**
     * Where a command that was not found was looked for: {@code image} and what it carries, and
     * what to do about it.
     */
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
                pulls.pull(candidate, log);
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
}
