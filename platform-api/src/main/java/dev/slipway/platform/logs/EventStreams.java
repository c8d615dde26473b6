package dev.slipway.platform.logs;

import dev.slipway.platform.system.DaemonThreads;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Opens the {@link EventStream}s that logs are followed on, sends their keep-alive comments, and
 * ends them all when Slipway stops (so the web server's graceful shutdown need not wait for
 * followers that would never leave).
 */
@Component
public class EventStreams implements AutoCloseable {

    /** A comment every so often keeps idle connections (and proxies) from timing out. */
    static final long KEEP_ALIVE_SECONDS = 15;

    private final ScheduledExecutorService keepAlives =
            Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("log-stream-keep-alive-"));
    private final ExecutorService delivery = Executors.newCachedThreadPool(DaemonThreads.named("log-stream-"));
    private final Set<EventStream> open = ConcurrentHashMap.newKeySet();

    /** A new stream, kept alive until it is over. */
    public EventStream open() {
        var stream = new EventStream();
        open.add(stream);
        // Without a first write the response (headers and all) would wait for the first event.
        stream.keepAlive();
        var keepAlive = keepAlives.scheduleWithFixedDelay(stream::keepAlive, KEEP_ALIVE_SECONDS, KEEP_ALIVE_SECONDS,
                TimeUnit.SECONDS);
        stream.onClose(() -> {
            keepAlive.cancel(false);
            open.remove(stream);
        });
        return stream;
    }

    /** Where followers that write to streams may run, so that the log's writers never wait. */
    public Executor delivery() {
        return delivery;
    }

    @EventListener(ContextClosedEvent.class)
    void completeAll() {
        open.forEach(EventStream::complete);
    }

    @Override
    public void close() {
        completeAll();
        keepAlives.shutdownNow();
        delivery.shutdown();
    }
}
