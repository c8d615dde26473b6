package dev.slipway.build.image.docker;

import dev.slipway.build.image.BuildPhase;
import java.util.Optional;

/**
 * One Dockerfile instruction as the build log sees it.
 *
 * @param phase   the build phase the instruction's output belongs to
 * @param command the user's command when the instruction runs one
 */
record BuildStep(BuildPhase phase, Optional<String> command) {

    static BuildStep of(BuildPhase phase) {
        return new BuildStep(phase, Optional.empty());
    }

    static BuildStep running(BuildPhase phase, String command) {
        return new BuildStep(phase, Optional.of(command));
    }
}
