package dev.slipway.platform.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Requests sent back to back by a few clients until stopped, each one recorded: the way a user
 * notices a dropped request during a redeploy.
 */
public final class SteadyLoad implements AutoCloseable {

    private static final int CLIENTS = 4;
    private static final java.time.Duration FAILURE_PAUSE = java.time.Duration.ofMillis(20);

    private final ServiceClient client;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicInteger succeeded = new AtomicInteger();
    private final List<String> failures = new CopyOnWriteArrayList<>();
    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private final List<Thread> threads;

    private SteadyLoad(ServiceClient client) {
        this.client = client;
        this.threads = java.util.stream.IntStream.range(0, CLIENTS)
                .mapToObj(i -> new Thread(this::loop, "steady-load-" + i)).toList();
        threads.forEach(Thread::start);
    }

    public static SteadyLoad on(ServiceClient client) {
        return new SteadyLoad(client);
    }

    public int succeeded() {
        return succeeded.get();
    }

    /** Every request that did not get a 200, as "status body". */
    public List<String> failures() {
        return List.copyOf(failures);
    }

    /** Whether any successful response had this text in its body. */
    public boolean sawBody(String text) {
        return bodies.stream().anyMatch(b -> b.contains(text));
    }

    private void loop() {
        var lastBody = "";
        while (running.get()) {
            var reply = client.get();
            if (reply.ok()) {
                succeeded.incrementAndGet();
                if (!reply.body().equals(lastBody)) {
                    bodies.add(reply.body());
                    lastBody = reply.body();
                }
            } else {
                failures.add(reply.status() + " " + reply.body());
                pauseAfterFailure();
            }
        }
    }

    /**
     * A client whose request failed waits a moment before the next, as real clients do: four
     * clients retrying refused connections in a tight loop would take the machine's CPU from
     * whatever is coming back (a restarting router), and measure themselves instead of it.
     */
    private static void pauseAfterFailure() {
        try {
            Thread.sleep(FAILURE_PAUSE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops the clients and waits for their last requests. */
    @Override
    public void close() throws InterruptedException {
        running.set(false);
        for (var thread : threads) {
            thread.join();
        }
    }
}
