package dev.slipway.config.runtime;

import java.util.List;

/**
 * The base images a runtime builds and runs on, in order of preference: the first one present on
 * the Docker host is used; when none is present, the first is pulled.
 *
 * @param runtime    the canonical runtime name
 * @param candidates image references, most preferred first (the official language image, then
 *                   the offline image that {@code make runtimes} builds)
 * @param hostCommand the interpreter or tool the runtime needs when apps run as local processes
 */
public record RuntimeImage(String runtime, List<String> candidates, String hostCommand) {

    public RuntimeImage {
        candidates = List.copyOf(candidates);
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("runtime " + runtime + " has no image");
        }
    }
}
