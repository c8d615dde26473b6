package dev.slipway.router;

import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.Map;

/**
 * A route table together with the socket address of each of its targets, looked up when the table is
 * published so that event loops never wait for a name lookup.
 */
record PublishedRoutes(RouteTable table, Map<String, InetSocketAddress> socketAddresses) {

    static final PublishedRoutes EMPTY = new PublishedRoutes(RouteTable.EMPTY, Map.of());

    static PublishedRoutes resolve(RouteTable table) {
        Map<String, InetSocketAddress> resolved = new HashMap<>();
        for (String address : table.addresses()) {
            resolved.put(address, TargetAddress.parse(address).resolve());
        }
        return new PublishedRoutes(table, Map.copyOf(resolved));
    }
}
