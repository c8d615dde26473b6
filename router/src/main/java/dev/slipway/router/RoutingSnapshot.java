package dev.slipway.router;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A published route table as one router serves it: the table and its index of {@link RouteEntry route
 * entries}, whose backends' addresses were looked up when it was built so that event loops never wait for a
 * name lookup.
 */
record RoutingSnapshot(RouteTable table, RouteIndex<RouteEntry> index) {

    static final RoutingSnapshot EMPTY = new RoutingSnapshot(RouteTable.EMPTY,
            RouteIndex.build(List.of(), route -> null));

    static RoutingSnapshot build(RouteTable table, Backends backends, RouterMetrics metrics, RouterOptions options) {
        Map<String, Backend> adopted = backends.adopt(table.addresses());
        Map<String, List<RouteEntry>> byService = new HashMap<>();
        RouteIndex<RouteEntry> index = RouteIndex.build(table.routes(), route -> {
            RouteEntry entry = new RouteEntry(route, adopted, options.eventLoops(),
                    metrics.service(route.service()), options);
            byService.computeIfAbsent(route.service(), name -> new ArrayList<>()).add(entry);
            return entry;
        });
        byService.forEach((service, entries) -> {
            ServiceMetrics serviceMetrics = metrics.service(service);
            if (serviceMetrics != null) {
                serviceMetrics.entries(entries.toArray(RouteEntry[]::new));
            }
        });
        metrics.retainOnly(byService.keySet());
        return new RoutingSnapshot(table, index);
    }

    RouteEntry find(String hostHeader, String target) {
        return index.find(hostHeader, target);
    }
}
