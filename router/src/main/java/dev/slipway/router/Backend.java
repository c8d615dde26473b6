package dev.slipway.router;

import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One target address as the router knows it across tables: its socket address, the requests in flight to
 * it and whether it takes new requests. Shared by every event loop; one object per address for as long as
 * the address is routed or busy, so counts and health survive table swaps.
 */
final class Backend {

    private static final Logger LOG = LoggerFactory.getLogger(Backend.class);

    final String address;
    private final Backends owner;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicBoolean probing = new AtomicBoolean();
    private volatile InetSocketAddress socket;
    private volatile boolean healthy = true;
    private volatile boolean retired;
    /** The queues of the current table's routes that send to this backend; a freed slot lets them go on. */
    private volatile RouteQueue[] queues = RouteQueue.NONE;

    Backend(String address, InetSocketAddress socket, Backends owner) {
        this.address = address;
        this.socket = socket;
        this.owner = owner;
    }

    InetSocketAddress socket() {
        return socket;
    }

    void socket(InetSocketAddress resolved) {
        socket = resolved;
    }

    void increment() {
        inFlight.incrementAndGet();
    }

    /**
     * Counts a request in flight unless {@code limit} are already: a compare-and-set, so that no two event loops
     * both take the last slot.
     */
    boolean tryIncrement(int limit) {
        while (true) {
            int current = inFlight.get();
            if (current >= limit) {
                return false;
            }
            if (inFlight.compareAndSet(current, current + 1)) {
                return true;
            }
        }
    }

    void decrement() {
        if (inFlight.decrementAndGet() == 0) {
            owner.reachedZero();
        }
        RouteQueue[] waiting = queues;
        for (RouteQueue queue : waiting) {
            queue.pump();
        }
    }

    void queues(RouteQueue[] current) {
        queues = current;
    }

    int inFlight() {
        return inFlight.get();
    }

    /** False from a failed connection until a probe connects again. */
    boolean healthy() {
        return healthy;
    }

    /**
     * Takes the backend out of rotation after a connection to it failed.
     *
     * @return true when the caller must start probing it (no probe runs yet)
     */
    boolean connectFailed(Throwable cause) {
        if (healthy) {
            healthy = false;
            LOG.warn("Instance {} is unreachable ({}); sending it no new requests until it accepts connections again",
                    address, cause.toString());
        }
        return probing.compareAndSet(false, true);
    }

    /** A probe connected: the backend takes requests again. */
    void probeSucceeded() {
        probing.set(false);
        if (!healthy) {
            healthy = true;
            LOG.info("Instance {} accepts connections again", address);
            for (RouteQueue queue : queues) {
                queue.pump();
            }
        }
    }

    /** True while a probe should keep trying: the backend is unhealthy and still routed. */
    boolean keepProbing() {
        if (retired) {
            // A later table may route the address again; it then starts out trusted, like a new target.
            healthy = true;
            probing.set(false);
            return false;
        }
        return true;
    }

    /** No longer in the current table: its idle connections are not kept and probes stop. */
    boolean retired() {
        return retired;
    }

    void retired(boolean noLongerRouted) {
        retired = noLongerRouted;
    }

    @Override
    public String toString() {
        return address;
    }
}
