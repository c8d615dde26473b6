package dev.slipway.router;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A published route table as one router serves it: the table, its index of {@link RouteEntry route entries},
 * whose backends' addresses were looked up when it was built so that event loops never wait for a name lookup,
 * and the entries of each service in table order.
 */
record RoutingSnapshot(RouteTable table, RouteIndex<RouteEntry> index, Map<String, List<RouteEntry>> byService) {

    static final RoutingSnapshot EMPTY = new RoutingSnapshot(RouteTable.EMPTY,
            RouteIndex.build(List.of(), route -> null), Map.of());

    /**
     * Builds the snapshot of {@code table}, reusing the router's backends, service counts, metrics and queues. The
     * queues take their new entries in {@link RouteQueues#published}, once every event loop has the snapshot.
     */
    static RoutingSnapshot build(RouteTable table, RouterState state) {
        RouterOptions options = state.options;
        Map<String, Backend> adopted = state.backends.adopt(table.addresses());
        state.queues.startTable();
        Map<String, List<RouteEntry>> byService = new LinkedHashMap<>();
        RouteIndex<RouteEntry> index = RouteIndex.build(table.routes(), route -> {
            RouteEntry entry = new RouteEntry(route, adopted, options.eventLoops(),
                    state.metrics.service(route.service(), state.loads.service(route.service())), options,
                    state.loads.service(route.service()), state.queues);
            byService.computeIfAbsent(route.service(), name -> new ArrayList<>()).add(entry);
            return entry;
        });
        Map<Backend, List<RouteQueue>> queuesByBackend = new IdentityHashMap<>();
        byService.forEach((service, entries) -> {
            ServiceMetrics serviceMetrics = entries.get(0).metrics;
            if (serviceMetrics != null) {
                serviceMetrics.entries(entries.toArray(RouteEntry[]::new));
            }
            for (RouteEntry entry : entries) {
                if (entry.queue != null) {
                    for (Backend backend : entry.backends) {
                        queuesByBackend.computeIfAbsent(backend, key -> new ArrayList<>()).add(entry.queue);
                    }
                }
            }
        });
        queuesByBackend.forEach((backend, queues) -> backend.queues(queues.toArray(RouteQueue[]::new)));
        state.metrics.retainOnly(byService.keySet());
        state.loads.retainOnly(byService.keySet());
        Map<String, List<RouteEntry>> services = new LinkedHashMap<>();
        byService.forEach((service, entries) -> services.put(service, List.copyOf(entries)));
        return new RoutingSnapshot(table, index, Collections.unmodifiableMap(services));
    }

    RouteEntry find(String hostHeader, String target) {
        return index.find(hostHeader, target);
    }
}
