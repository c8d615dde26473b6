package dev.slipway.platform.runtime.process;

import dev.slipway.platform.runtime.Container;
import dev.slipway.platform.runtime.ContainerOutput;
import dev.slipway.platform.runtime.ContainerState;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A container the runtime knows: its record, its process when this Slipway started it (else it
 * was adopted), its raw output, and how far its end was handled.
 */
final class WatchedContainer {

    private static final String UNRECORDED = "its process group ended without recording an exit code: it was "
            + "killed (SIGKILL, as the OOM killer or kill -9 do) or its shell died";

    private final ContainerRecord record;
    private final Process process;
    private final ContainerDirectory directory;
    private final RawOutput stdout;
    private final RawOutput stderr;
    private final AtomicBoolean ended = new AtomicBoolean();
    private final AtomicBoolean reported = new AtomicBoolean();
    private volatile boolean endHandled;
    private volatile boolean stopping;

    /** @param process the container's process when Slipway is its parent, else null */
    WatchedContainer(ContainerRecord record, Process process, ContainerDirectory directory) {
        this.record = record;
        this.process = process;
        this.directory = directory;
        this.stdout = new RawOutput(directory.stdout(record), ContainerOutput.Stream.STDOUT);
        this.stderr = new RawOutput(directory.stderr(record), ContainerOutput.Stream.STDERR);
    }

    ContainerRecord record() {
        return record;
    }

    Container container() {
        return record.toContainer();
    }

    /** Runs the action when the session leader of a child of this Slipway ends; adopted ones are polled. */
    void onExit(Runnable action) {
        if (process != null) {
            process.onExit().thenRun(action);
        }
    }

    /** Whether the session leader still runs; from the process when Slipway is its parent. */
    boolean running() {
        return process != null ? process.isAlive() : record.group().leaderRunning();
    }

    ContainerState state() {
        if (running()) {
            return ContainerState.RUNNING;
        }
        if (process != null) {
            return ContainerState.exited(process.exitValue());
        }
        var code = directory.exitCode(record);
        return code.isPresent() ? ContainerState.exited(code.getAsInt()) : ContainerState.ended(UNRECORDED);
    }

    /** Copies what the app wrote since the last copy; everything, when it has ended. */
    void copyOutput(ContainerOutput output, boolean ended) {
        var container = container();
        stdout.copy(container, output, ended);
        stderr.copy(container, output, ended);
    }

    /** The last lines of stdout, then those of stderr: the raw files do not tell how they interleave. */
    List<String> tail(int lines) {
        var all = new ArrayList<>(stdout.tail(lines));
        all.addAll(stderr.tail(lines));
        return List.copyOf(all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    /** True the first time only: the caller handles the end. */
    boolean markEnded() {
        return ended.compareAndSet(false, true);
    }

    /** What is left of the group was killed and the output copied: the end may be reported. */
    void markEndHandled() {
        endHandled = true;
    }

    boolean endHandled() {
        return endHandled;
    }

    /** True the first time only: the caller reports the end. */
    boolean markReported() {
        return reported.compareAndSet(false, true);
    }

    void markStopping() {
        stopping = true;
    }

    boolean stopping() {
        return stopping;
    }

    /** Deletes the container's files, after its last output was copied. */
    void delete() {
        stdout.delete();
        stderr.delete();
        directory.delete(record);
    }
}
