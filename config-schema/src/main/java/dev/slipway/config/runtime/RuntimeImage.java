package dev.slipway.config.runtime;

import java.util.List;

/**
 * The base images of one runtime (and runtime version), in order of preference: the first one
 * present on the Docker host is used; when none is present, the first is pulled.
 *
 * @param runtime         the canonical runtime name
 * @param buildCandidates the images the build commands run on: a version-specific official tag
 *                        when a runtime version asks for one, the official language image, then
 *                        the offline image that {@code make runtimes} builds, where there is one
 * @param runCandidates   the images the app runs on. For runtimes that use the original build this
 *                        is the build list (the app runs where it was built); revised-build
 *                        runtimes may run on slimmer images and carry only {@code /app} over
 * @param hostCommand     the interpreter or tool the runtime needs when apps run as local processes
 */
public record RuntimeImage(String runtime, List<String> buildCandidates, List<String> runCandidates,
        String hostCommand) {

    public RuntimeImage {
        buildCandidates = List.copyOf(buildCandidates);
        runCandidates = List.copyOf(runCandidates);
        if (buildCandidates.isEmpty() || runCandidates.isEmpty()) {
            throw new IllegalArgumentException("runtime " + runtime + " has no image");
        }
    }

    /** One list of images that both builds and runs the app. */
    public RuntimeImage(String runtime, List<String> candidates, String hostCommand) {
        this(runtime, candidates, candidates, hostCommand);
    }

    /**
     * The build images: what a single-stage build, which builds and runs on one image, starts from.
     */
    public List<String> candidates() {
        return buildCandidates;
    }

    /** Whether the app runs on the images it was built on. */
    public boolean buildsAndRunsOnOneImage() {
        return buildCandidates.equals(runCandidates);
    }
}
