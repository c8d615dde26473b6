package dev.slipway.router;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A published route table as one router serves it: the table, its index of {@link RouteEntry route entries}
 * and the backends of its targets, whose addresses were looked up when it was built so that event loops never
 * wait for a name lookup.
 */
record RoutingSnapshot(RouteTable table, RouteIndex<RouteEntry> index, Map<String, Backend> backends) {

    static final RoutingSnapshot EMPTY = new RoutingSnapshot(RouteTable.EMPTY,
            RouteIndex.build(List.of(), route -> null), Map.of());

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
        return new RoutingSnapshot(table, index, adopted);
    }

    RouteEntry find(String hostHeader, String target) {
        return index.find(hostHeader, target);
    }
}
