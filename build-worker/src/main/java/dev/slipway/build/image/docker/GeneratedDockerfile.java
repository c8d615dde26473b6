package dev.slipway.build.image.docker;

import java.util.List;

/**
 * A rendered Dockerfile and what each of its instructions is, in order: the classic builder's
 * "Step N/M" is {@code steps.get(N - 1)}.
 */
record GeneratedDockerfile(String text, List<BuildStep> steps) {

    GeneratedDockerfile {
        steps = List.copyOf(steps);
    }
}
