package dev.slipway.build.image.docker;

import dev.slipway.build.image.BuildPhase;
import java.util.Locale;

/** Tells which phase, and which user command, a classic-builder "Step N/M : INSTRUCTION" is. */
@FunctionalInterface
interface StepResolver {

    /**
     * @param number      the 1-based step number
     * @param instruction the instruction as the builder prints it, e.g. {@code RUN make}
     */
    BuildStep resolve(int number, String instruction);

    /** Every step in one phase: the small Dockerfiles that assemble images run no commands. */
    static StepResolver constant(BuildPhase phase) {
        return (number, instruction) -> BuildStep.of(phase);
    }

    /** Steps of a user's Dockerfile: {@code FROM} is the base, {@code RUN} the build, the rest image settings. */
    static StepResolver forUserDockerfile() {
        return (number, instruction) -> {
            var parts = instruction.strip().split("\\s+", 2);
            var keyword = parts[0].toUpperCase(Locale.ROOT);
            return switch (keyword) {
                case "FROM" -> BuildStep.of(BuildPhase.BASE);
                case "RUN" -> BuildStep.running(BuildPhase.BUILD, parts.length > 1 ? parts[1] : "");
                default -> BuildStep.of(BuildPhase.IMAGE);
            };
        };
    }
}
