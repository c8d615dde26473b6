package dev.slipway.build.image.docker;

import java.util.Arrays;
import java.util.Optional;

/** What an image, container or volume made by the builder is; the value of {@link BuildLabels#KIND}. */
enum ImageKind {
    /** A deployment's runnable image, tagged {@code slipway/<service>:<deployment>}. */
    FINAL("final"),
    /** {@code FROM scratch} plus the model files under {@link Layout#MODELS_DIRECTORY}. */
    MODELS("models"),
    /** The build image plus the models and {@code WORKDIR /app}. */
    BUILD_BASE("build-base"),
    /** The build base after the source was copied in and pre-build and build ran. */
    BUILD("build"),
    /** The run image plus the models and {@code WORKDIR /app} (revised build). */
    RUN_BASE("run-base"),
    /** The run base plus {@code /app} of the build image (revised build). */
    APP("app"),
    /** The app stage after {@code run.pre-run} ran (revised build). */
    PRE_RUN("pre-run"),
    /** A container that build commands run in; never an image. */
    BUILD_CONTAINER("build-container"),
    /** A service's volume of package caches; never an image. */
    DEPENDENCY_CACHE("dependency-cache");

    /** The repository of cache images; a service's images use {@code slipway/<service>} instead. */
    static final String CACHE_REPOSITORY_PREFIX = "slipway-cache/";

    private final String label;

    ImageKind(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    /** Whether images of this kind are shared cache entries, found again by their key. */
    boolean isCache() {
        return this != FINAL && this != BUILD_CONTAINER && this != DEPENDENCY_CACHE;
    }

    /** The repository of this kind's cache images, e.g. {@code slipway-cache/build}. */
    String repository() {
        return CACHE_REPOSITORY_PREFIX + label;
    }

    /** The tag of this kind's cache image for {@code key}, e.g. {@code slipway-cache/build:3f2a…}. */
    String tag(String key) {
        return repository() + ":" + key;
    }

    static Optional<ImageKind> ofLabel(String label) {
        return Arrays.stream(values()).filter(kind -> kind.label.equals(label)).findFirst();
    }
}
