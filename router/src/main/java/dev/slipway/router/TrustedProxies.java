package dev.slipway.router;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The peers whose forwarding headers the router believes: proxies in front of it, given as CIDR blocks. From any
 * other peer, the client-supplied {@code X-Forwarded-*} and {@code Forwarded} headers are replaced (see
 * {@link ProxyHeaders#forwardRequest}). Immutable; by default ({@link #NONE}) no peer is trusted.
 */
public final class TrustedProxies {

    /** Trusts no peer: every client-supplied forwarding header is replaced. */
    public static final TrustedProxies NONE = new TrustedProxies(List.of());

    private final List<Cidr> blocks;

    private TrustedProxies(List<Cidr> blocks) {
        this.blocks = List.copyOf(blocks);
    }

    /**
     * Parses a comma-separated list of IPv4 and IPv6 CIDR blocks or bare addresses, e.g.
     * {@code 10.0.0.0/8,127.0.0.1/32,fd00::/8}; blank means none.
     *
     * @throws IllegalArgumentException naming the entry that is not a CIDR block and how to write one
     */
    public static TrustedProxies parse(String list) {
        if (list == null || list.isBlank()) {
            return NONE;
        }
        List<Cidr> blocks = new ArrayList<>();
        for (String entry : list.split(",")) {
            if (!entry.isBlank()) {
                blocks.add(Cidr.parse(entry));
            }
        }
        return new TrustedProxies(blocks);
    }

    /** Whether a connection from {@code peer} comes from a trusted proxy. */
    public boolean trusts(InetAddress peer) {
        for (int i = 0; i < blocks.size(); i++) {
            if (blocks.get(i).contains(peer)) {
                return true;
            }
        }
        return false;
    }

    public boolean isEmpty() {
        return blocks.isEmpty();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TrustedProxies proxies && blocks.equals(proxies.blocks);
    }

    @Override
    public int hashCode() {
        return blocks.hashCode();
    }

    /** The blocks as {@link #parse} reads them, comma-separated; empty for none. */
    @Override
    public String toString() {
        return blocks.stream().map(Cidr::toString).collect(Collectors.joining(","));
    }
}
