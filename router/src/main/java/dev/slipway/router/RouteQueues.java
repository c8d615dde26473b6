package dev.slipway.router;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The {@link RouteQueue} of every route with admission settings, by host and path prefix, kept across tables;
 * and the demand signal: a generation that grows each time a request starts waiting on a route that holds while
 * it has no weighted target, which a control plane thread waits on to start the service.
 */
final class RouteQueues {

    private final ConcurrentHashMap<String, RouteQueue> byRoute = new ConcurrentHashMap<>();
    /** The queues of the table being built, and their entries in it; touched only by the publishing thread. */
    private final Map<String, RouteQueue> building = new HashMap<>();
    private final Map<RouteQueue, RouteEntry> buildingEntries = new HashMap<>();
    private final Object demand = new Object();
    private long generation;

    /** Starts building a table: forgets what an earlier build that failed left. */
    void startTable() {
        building.clear();
        buildingEntries.clear();
    }

    /** The queue of {@code entry}'s route in a table being built, the one it had before if any; null without one. */
    RouteQueue adopt(Route route, RouteEntry entry) {
        if (!route.admission().queues()) {
            return null;
        }
        String key = route.host() + " " + route.pathPrefix();
        RouteQueue queue = byRoute.get(key);
        if (queue == null) {
            queue = new RouteQueue(entry);
        }
        building.put(key, queue);
        buildingEntries.put(queue, entry);
        return queue;
    }

    /**
     * Makes the built table's queues current, once every event loop has seen the table: they take their new
     * entries and send on what now can go; queues of routes that left or lost their settings route their requests
     * again.
     */
    void published() {
        Map<String, RouteQueue> previous = new HashMap<>(byRoute);
        byRoute.putAll(building);
        byRoute.keySet().retainAll(building.keySet());
        buildingEntries.forEach(RouteQueue::entry);
        Set<RouteQueue> kept = new HashSet<>(building.values());
        startTable();
        previous.values().stream().filter(queue -> !kept.contains(queue)).forEach(RouteQueue::retire);
        kept.forEach(RouteQueue::pump);
    }

    /** A request started waiting on a route without weighted targets: wakes the threads waiting for demand. */
    void held() {
        synchronized (demand) {
            generation++;
            demand.notifyAll();
        }
    }

    /** Waits until the generation is above {@code after}, at most {@code timeout}; the demand then. */
    Demand awaitDemand(long after, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long current;
        synchronized (demand) {
            // A generation above this router's comes from before a restart of it: answer at once.
            while (generation == after) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                TimeUnit.NANOSECONDS.timedWait(demand, left);
            }
            current = generation;
        }
        return new Demand(current, holdingServices());
    }

    /** Services with requests waiting on a route that has no weighted target. */
    private Set<String> holdingServices() {
        Set<String> services = new HashSet<>();
        for (RouteQueue queue : byRoute.values()) {
            RouteEntry entry = queue.entry();
            if (entry != null && queue.size() > 0 && !entry.hasWeightedTarget()) {
                services.add(entry.service);
            }
        }
        return services;
    }
}
