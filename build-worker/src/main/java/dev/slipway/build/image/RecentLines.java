package dev.slipway.build.image;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The last lines of a command's output, kept so a failure message can quote them. Thread-safe:
 * one thread adds lines while another may read them after a timeout.
 */
public final class RecentLines {

    /** How many lines a failure message quotes unless told otherwise. */
    public static final int DEFAULT_CAPACITY = 20;

    private final int capacity;
    private final Deque<String> lines = new ArrayDeque<>();

    /** Keeps {@link #DEFAULT_CAPACITY} lines. */
    public RecentLines() {
        this(DEFAULT_CAPACITY);
    }

    /** @param capacity how many lines to keep; older ones are dropped */
    public RecentLines(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        this.capacity = capacity;
    }

    /** Keeps {@code line}, dropping the oldest line when full. */
    public synchronized void add(String line) {
        if (lines.size() == capacity) {
            lines.removeFirst();
        }
        lines.addLast(line);
    }

    /** Forgets every line, e.g. when the next command starts. */
    public synchronized void clear() {
        lines.clear();
    }

    /** The kept lines, oldest first. */
    public synchronized List<String> lines() {
        return List.copyOf(lines);
    }
}
