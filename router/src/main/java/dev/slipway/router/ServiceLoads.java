package dev.slipway.router;

import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/** The {@link ServiceCounts} of every routed service, kept across tables, and the {@link ServiceLoad} read from them. */
final class ServiceLoads {

    private final int eventLoops;
    private final ConcurrentHashMap<String, ServiceCounts> byService = new ConcurrentHashMap<>();

    ServiceLoads(int eventLoops) {
        this.eventLoops = eventLoops;
    }

    /** The counts of a service, created on first use. */
    ServiceCounts service(String name) {
        return byService.computeIfAbsent(name, key -> new ServiceCounts(eventLoops));
    }

    /** Forgets services no longer routed; requests still under way count into detached counts. */
    void retainOnly(Set<String> routed) {
        byService.keySet().retainAll(routed);
    }

    /** The load of every service of {@code routes}, by name, in the table's order. */
    static Map<String, ServiceLoad> of(RoutingSnapshot routes) {
        Map<String, ServiceLoad> loads = new LinkedHashMap<>();
        routes.byService().forEach((service, entries) -> loads.put(service, load(entries)));
        return loads;
    }

    private static ServiceLoad load(List<RouteEntry> entries) {
        Map<String, Integer> targets = new TreeMap<>();
        Map<RouteQueue, Boolean> queues = new IdentityHashMap<>();
        int queued = 0;
        for (RouteEntry entry : entries) {
            for (Backend backend : entry.backends) {
                targets.put(backend.address, backend.inFlight());
            }
            if (entry.queue != null && queues.put(entry.queue, Boolean.TRUE) == null) {
                queued += entry.queue.size();
            }
        }
        ServiceCounts counts = entries.get(0).counts;
        return new ServiceLoad(counts.routed(), counts.inFlight(), queued, targets);
    }
}
