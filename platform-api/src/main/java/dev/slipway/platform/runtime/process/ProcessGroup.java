package dev.slipway.platform.runtime.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The process group a container runs in: its session leader (the wrapper shell, whose pid is the
 * group id) and every process the app started. Java tells neither a process's group nor whether
 * it is a zombie, so this reads Linux's {@code /proc}.
 */
final class ProcessGroup {

    /** Start times are computed from the boot time, which a clock adjustment can move by a second. */
    private static final Duration SAME_START = Duration.ofSeconds(2);
    private static final long POLL_MILLIS = 20;
    private static final Path PROC = Path.of("/proc");
    /** Slipway's own group, which a damaged state file must never make it signal. */
    private static final long OWN_GROUP = Stat.read(ProcessHandle.current().pid()).map(Stat::group).orElse(-1L);

    private final long id;
    private final Instant leaderStarted;

    ProcessGroup(long id, Instant leaderStarted) {
        this.id = id;
        this.leaderStarted = leaderStarted;
    }

    /** Whether the session leader still runs: alive, not a zombie, and not a later process with its pid. */
    boolean leaderRunning() {
        return Stat.read(id).filter(stat -> !stat.zombie()).isPresent() && !pidReused();
    }

    /**
     * The group's live members. None when the leader's pid now belongs to another process: then the
     * group is gone, since Linux does not give a new process a pid that is still a group's id.
     */
    List<ProcessHandle> members() {
        if (id <= 1 || id == OWN_GROUP || pidReused()) {
            return List.of();
        }
        try (var entries = Files.list(PROC)) {
            return entries.map(path -> path.getFileName().toString())
                    .filter(name -> name.chars().allMatch(Character::isDigit))
                    .map(name -> Stat.read(Long.parseLong(name)))
                    .flatMap(Optional::stream)
                    .filter(stat -> stat.group() == id && !stat.zombie())
                    .map(stat -> ProcessHandle.of(stat.pid()))
                    .flatMap(Optional::stream)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the processes in " + PROC, e);
        }
    }

    /** Asks every member to end (SIGTERM). */
    void terminate() {
        members().forEach(ProcessHandle::destroy);
    }

    /**
     * Waits until no member is left, killing (SIGKILL) every member it finds when {@code kill} is
     * set, also ones started meanwhile.
     *
     * @return whether the group is empty
     */
    boolean awaitEmpty(Duration timeout, boolean kill) {
        var deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            var members = members();
            if (members.isEmpty()) {
                return true;
            }
            if (kill) {
                members.forEach(ProcessHandle::destroyForcibly);
            }
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return members().isEmpty();
            }
        }
    }

    /** Whether a process runs with the leader's pid but started at another time. */
    private boolean pidReused() {
        return ProcessHandle.of(id).flatMap(handle -> handle.info().startInstant())
                .map(started -> Duration.between(leaderStarted, started).abs().compareTo(SAME_START) > 0)
                .orElse(false);
    }

    /** What {@code /proc/<pid>/stat} says about a process. */
    record Stat(long pid, char state, long group) {

        static Optional<Stat> read(long pid) {
            String text;
            try {
                text = Files.readString(PROC.resolve(Long.toString(pid)).resolve("stat"));
            } catch (IOException e) {
                return Optional.empty();
            }
            // "pid (command) state ppid pgrp ...": the command may hold spaces and parentheses.
            var fields = text.substring(text.lastIndexOf(')') + 2).split(" ");
            return Optional.of(new Stat(pid, fields[0].charAt(0), Long.parseLong(fields[2])));
        }

        boolean zombie() {
            return state == 'Z' || state == 'X';
        }
    }
}
