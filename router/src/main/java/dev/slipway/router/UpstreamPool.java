package dev.slipway.router;

import io.netty.channel.Channel;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Idle keep-alive connections of one event loop, per target address. Only its loop touches it, so it takes
 * no lock. Last in, first out: the most recently used connection is the least likely to have been closed.
 */
final class UpstreamPool {

    /**
     * More idle connections than this per address and loop are closed rather than kept. Generous, because a
     * burst of more concurrent requests than this would otherwise open and close a connection per request;
     * idle ones are dropped after the upstream idle timeout anyway.
     */
    static final int MAX_IDLE_PER_ADDRESS = 256;

    private record Idle(Channel channel, long since) {
    }

    private final Map<String, ArrayDeque<Idle>> idle = new HashMap<>();
    private final long idleTimeoutNanos;

    UpstreamPool(long idleTimeoutNanos) {
        this.idleTimeoutNanos = idleTimeoutNanos;
    }

    /** An open idle connection to {@code address}, or null when there is none. */
    Channel acquire(String address) {
        ArrayDeque<Idle> connections = idle.get(address);
        if (connections == null) {
            return null;
        }
        long now = System.nanoTime();
        Idle candidate;
        while ((candidate = connections.pollLast()) != null) {
            if (candidate.channel.isActive() && now - candidate.since < idleTimeoutNanos) {
                return candidate.channel;
            }
            candidate.channel.close();
        }
        return null;
    }

    void release(String address, Channel channel) {
        ArrayDeque<Idle> connections = idle.computeIfAbsent(address, key -> new ArrayDeque<>());
        if (!channel.isActive() || connections.size() >= MAX_IDLE_PER_ADDRESS) {
            channel.close();
            return;
        }
        connections.addLast(new Idle(channel, System.nanoTime()));
    }

    /**
     * Closes the connections that have been idle longer than the idle timeout. Reuse skips them anyway, but
     * after a burst the oldest ones would otherwise stay open at the bottom of the stack until the instance
     * closes them.
     */
    void closeExpired() {
        long now = System.nanoTime();
        for (ArrayDeque<Idle> connections : idle.values()) {
            Idle oldest;
            while ((oldest = connections.peekFirst()) != null && now - oldest.since >= idleTimeoutNanos) {
                connections.pollFirst().channel.close();
            }
        }
    }

    /** Forgets an idle connection that closed. */
    void remove(String address, Channel channel) {
        ArrayDeque<Idle> connections = idle.get(address);
        if (connections != null) {
            connections.removeIf(entry -> entry.channel == channel);
        }
    }

    /** Closes the idle connections to every address not in {@code keep}. */
    void retainOnly(Set<String> keep) {
        for (Iterator<Map.Entry<String, ArrayDeque<Idle>>> it = idle.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, ArrayDeque<Idle>> entry = it.next();
            if (!keep.contains(entry.getKey())) {
                it.remove();
                entry.getValue().forEach(connection -> connection.channel.close());
            }
        }
    }

    int idleCount(String address) {
        ArrayDeque<Idle> connections = idle.get(address);
        return connections == null ? 0 : connections.size();
    }
}
