package dev.slipway.router;

import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import java.net.InetAddress;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The client connections open now per client address, for the per-client cap
 * ({@link RouterOptions#maxConnectionsPerClient()}). Counted when a connection opens and when it closes, never per
 * request; an address leaves the map with its last connection. Thread-safe.
 */
final class ClientConnections {

    private final int max;
    private final ConcurrentHashMap<InetAddress, Integer> open = new ConcurrentHashMap<>();

    /** Counts with a cap of {@code max} connections per address. */
    ClientConnections(int max) {
        this.max = max;
    }

    /**
     * Counts a new connection from {@code address}, or returns null without counting it when that address
     * already has the most allowed. The returned listener counts it down; add it to the connection's close future.
     */
    ChannelFutureListener tryOpen(InetAddress address) {
        if (open.merge(address, 1, Integer::sum) > max) {
            release(address);
            return null;
        }
        return new Release(address);
    }

    /** Connections open now from {@code address}. */
    int openFrom(InetAddress address) {
        return open.getOrDefault(address, 0);
    }

    private void release(InetAddress address) {
        open.computeIfPresent(address, (key, count) -> count == 1 ? null : count - 1);
    }

    /** Counts one connection down when it closes. */
    private final class Release implements ChannelFutureListener {
        private final InetAddress address;

        Release(InetAddress address) {
            this.address = address;
        }

        @Override
        public void operationComplete(ChannelFuture future) {
            release(address);
        }
    }
}
