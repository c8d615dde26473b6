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

    void decrement() {
        if (inFlight.decrementAndGet() == 0) {
            owner.reachedZero();
        }
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
