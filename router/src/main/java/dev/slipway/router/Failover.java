package dev.slipway.router;

import io.netty.handler.codec.http.HttpHeaderNames;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where an exchange goes after a target failed it. A refused or timed-out connection marks the target
 * unhealthy and moves the request to another target: nothing was sent, so any method may move. A connection
 * that closed before answering is retried, only for an idempotent request none of whose body went out: when the
 * dead one came from the pool, once on a new connection to the same instance (its keep-alive may just have run
 * out); when a new connection closes unanswered, once on another instance (this one is stopping or was killed).
 * On a route with a concurrency limit the other instance must have a free slot; a retry never waits in the queue.
 * Made on the first failure only, so an exchange that never fails allocates none of this.
 */
final class Failover {

    private static final Logger LOG = LoggerFactory.getLogger(Failover.class);

    private final Exchange exchange;
    /** Targets this request failed on; never picked again for it. */
    final List<Backend> failed = new ArrayList<>(2);
    private boolean retriedSameInstance;
    private boolean retriedElsewhere;

    Failover(Exchange exchange) {
        this.exchange = exchange;
    }

    void connectFailed(Backend backend, Throwable cause) {
        LOG.debug("Cannot connect to {} for host {}: {}", backend,
                exchange.request.headers().get(HttpHeaderNames.HOST), cause.toString());
        if (backend.connectFailed(cause)) {
            exchange.loop.probe(backend);
        }
        failed.add(backend);
        exchange.routeTo(exchange.currentEntry());
        // Outside the client's read, so nothing else flushes a request sent over a pooled connection.
        exchange.flushUpstream();
    }

    /**
     * Sends the request again after its connection closed unanswered.
     *
     * @param pooled whether the connection that closed came from the pool
     * @return false when the request may not or cannot be sent again
     */
    boolean retryAfterClose(boolean pooled) {
        Backend next = exchange.record.counted();
        if (pooled && !retriedSameInstance) {
            retriedSameInstance = true;
        } else if (retriedElsewhere) {
            return false;
        } else {
            retriedElsewhere = true;
            failed.add(next);
            RouteEntry entry = exchange.currentEntry();
            next = entry == null ? null : entry.acquire(exchange.loop.index, failed);
            if (next == null) {
                return false;
            }
            exchange.record.holds(next);
        }
        LOG.debug("Retrying {} {} on {}", exchange.request.method(), exchange.request.uri(), next);
        exchange.resend(next);
        return true;
    }
}
