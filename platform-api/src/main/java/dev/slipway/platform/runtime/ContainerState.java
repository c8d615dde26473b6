package dev.slipway.platform.runtime;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * Whether a container runs, and how it ended if not.
 *
 * @param running  true while the container runs
 * @param exitCode how it ended, when it has ended and the code is known
 * @param reason   what ended it, when the runtime knows more than the code: {@code killed, out of
 *                 memory}, {@code killed by signal 9}
 */
public record ContainerState(boolean running, OptionalInt exitCode, Optional<String> reason) {

    public static final ContainerState RUNNING = new ContainerState(true, OptionalInt.empty(), Optional.empty());
    public static final ContainerState GONE = new ContainerState(false, OptionalInt.empty(), Optional.empty());

    public static ContainerState exited(int code) {
        return new ContainerState(false, OptionalInt.of(code), Optional.ofNullable(signalReason(code)));
    }

    public static ContainerState exited(int code, String reason) {
        return new ContainerState(false, OptionalInt.of(code), Optional.of(reason));
    }

    /** Ended, without a known exit code (e.g. a process that was adopted after a restart). */
    public static ContainerState ended(String reason) {
        return new ContainerState(false, OptionalInt.empty(), Optional.of(reason));
    }

    /** How it ended in a few words, for reasons and events: {@code exit 137: killed, out of memory}. */
    public String describe() {
        if (running) {
            return "running";
        }
        var code = exitCode.isPresent() ? "exit " + exitCode.getAsInt() : null;
        if (code != null && reason.isPresent()) {
            return code + ": " + reason.get();
        }
        return code != null ? code : reason.orElse("gone");
    }

    /** Shells report a death by signal N as exit code 128 + N. */
    private static String signalReason(int code) {
        return switch (code) {
            case 137 -> "killed (SIGKILL)";
            case 143 -> "terminated (SIGTERM)";
            case 139 -> "crashed (SIGSEGV)";
            case 134 -> "aborted (SIGABRT)";
            default -> null;
        };
    }
}
