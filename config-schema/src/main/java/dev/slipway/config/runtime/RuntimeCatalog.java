package dev.slipway.config.runtime;

import java.util.Map;
import java.util.Optional;

/**
 * Maps runtime names to base images. The defaults name the official language images first and
 * Slipway's offline images (built by {@code make runtimes}) second; an operator can override any
 * entry.
 */
public final class RuntimeCatalog {

    private final Map<String, RuntimeImage> images;

    private RuntimeCatalog(Map<String, RuntimeImage> images) {
        this.images = Map.copyOf(images);
    }

    public static RuntimeCatalog defaults() {
        throw new UnsupportedOperationException("not yet");
    }

    /** The images for a runtime name as written in apprunner.yaml, or empty if unknown. */
    public Optional<RuntimeImage> lookup(String runtime) {
        return Optional.ofNullable(images.get(runtime));
    }
}
