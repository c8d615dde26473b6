package dev.slipway.build.image.docker;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a Docker build did, for benchmarks, tests and the deployment record.
 *
 * @param steps        each stage that ran, in order, with its duration and whether a cached
 *                     image was reused instead of doing the work
 * @param buildKey     the build stage's cache key; empty for Dockerfile projects
 * @param modelDigest  the model set's digest ({@code ModelSet.digest()}); empty without models
 * @param modelImageId the id of the image holding only the models; empty without models
 * @param modelLayer   the digest of the layer that holds the models in the final image's root
 *                     file system (the same across builds while models and runtime image stay
 *                     the same); empty without models
 * @param imageId      the final image's id
 * @param imageSize    the final image's size in bytes, base layers included
 * @param commandsRun  how many build, post-build and pre-run commands ran (0 when every stage
 *                     came from the cache)
 * @param dependencies what the build stage's commands found in the dependency cache and
 *                     downloaded; empty when the build stage was reused or could not be measured
 */
public record BuildReport(List<Step> steps, Optional<String> buildKey, Optional<String> modelDigest,
                          Optional<String> modelImageId, Optional<String> modelLayer, String imageId,
                          long imageSize, int commandsRun, Optional<DependencyUse> dependencies) {

    /** The stages of a build, in the order they run. */
    public enum Stage {
        /** Finding the runtime's build and run images (pulling them if needed). */
        BASE_IMAGES,
        /** The image holding only the model files. */
        MODELS,
        /** The build image plus the models. */
        BUILD_BASE,
        /** Copying the source and running pre-build and build in a build container, then committing. */
        BUILD,
        /** post-build, in a throwaway container. */
        POST_BUILD,
        /** The run image plus the models (revised build). */
        RUN_BASE,
        /** Copying {@code /app} onto the run base (revised build). */
        APP,
        /** {@code run.pre-run} (revised build). */
        PRE_RUN,
        /** The final image: run settings, labels and tag. */
        FINAL,
        /** A project's own Dockerfile. */
        DOCKERFILE
    }

    /**
     * @param stage    which stage
     * @param duration how long it took
     * @param reused   whether an existing image was used instead of doing the work; always false
     *                 for {@link Stage#BASE_IMAGES}, {@link Stage#FINAL} and {@link Stage#DOCKERFILE},
     *                 which have no cache of their own
     */
    public record Step(Stage stage, Duration duration, boolean reused) {

        public Step {
            Objects.requireNonNull(stage, "stage");
            Objects.requireNonNull(duration, "duration");
        }

        /** The duration in seconds, with milliseconds. */
        public double seconds() {
            return duration.toMillis() / 1000.0;
        }
    }

    public BuildReport {
        steps = List.copyOf(steps);
        Objects.requireNonNull(imageId, "imageId");
    }

    /** The step of a stage, when it ran in this build. */
    public Optional<Step> step(Stage stage) {
        return steps.stream().filter(step -> step.stage() == stage).findFirst();
    }

    /** Whether the stage ran and reused a cached image. */
    public boolean reused(Stage stage) {
        return step(stage).map(Step::reused).orElse(false);
    }

    /** The sum of every step's duration. */
    public Duration total() {
        return steps.stream().map(Step::duration).reduce(Duration.ZERO, Duration::plus);
    }
}
