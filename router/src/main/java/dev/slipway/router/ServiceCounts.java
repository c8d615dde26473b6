package dev.slipway.router;

/**
 * What the router counts for one service whether or not it records metrics: the requests routed to it since it
 * appeared in the table, and those in flight now (sent to an instance, or about to be; not those waiting in a
 * queue). Per event loop, like {@link LoopCounters}, so counting takes no lock and no atomic instruction.
 */
final class ServiceCounts {

    private static final int ROUTED = 0;
    private static final int IN_FLIGHT = 1;

    private final LoopCounters counts;

    ServiceCounts(int eventLoops) {
        counts = new LoopCounters(eventLoops, IN_FLIGHT + 1);
    }

    /** A request was routed to the service on {@code loop} and is in flight. */
    void started(int loop) {
        counts.add(loop, ROUTED, 1);
        counts.add(loop, IN_FLIGHT, 1);
    }

    /** A request of the service on {@code loop} started ({@code +1}) or stopped ({@code -1}) being in flight. */
    void inFlight(int loop, int delta) {
        counts.add(loop, IN_FLIGHT, delta);
    }

    long routed() {
        return counts.sum(ROUTED);
    }

    int inFlight() {
        return (int) Math.max(0, counts.sum(IN_FLIGHT));
    }
}
