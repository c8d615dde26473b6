package dev.slipway.platform.runtime;

import java.util.OptionalInt;

/**
 * Whether an instance runs.
 *
 * @param running  true while the instance runs
 * @param exitCode how it ended, when it has ended and the code is known
 */
public record InstanceState(boolean running, OptionalInt exitCode) {

    public static final InstanceState RUNNING = new InstanceState(true, OptionalInt.empty());
    public static final InstanceState GONE = new InstanceState(false, OptionalInt.empty());

    public static InstanceState exited(int code) {
        return new InstanceState(false, OptionalInt.of(code));
    }

    public String describe() {
        if (running) {
            return "running";
        }
        return exitCode.isPresent() ? "exited with code " + exitCode.getAsInt() : "gone";
    }
}
