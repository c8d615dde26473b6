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

    /** Steps of a generated Dockerfile; steps beyond it (labels the daemon appends) are image settings. */
    static StepResolver of(GeneratedDockerfile dockerfile) {
        var steps = dockerfile.steps();
        return (number, instruction) -> number >= 1 && number <= steps.size()
                ? steps.get(number - 1) : BuildStep.of(BuildPhase.IMAGE);
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
