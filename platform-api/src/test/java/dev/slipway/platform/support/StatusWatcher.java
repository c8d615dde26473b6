package dev.slipway.platform.support;

import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;

/**
 * Reads a service's status reason over and over while a test makes something happen, so a test
 * can assert what the status said in between (a user watching the console would have seen it).
 */
public final class StatusWatcher implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(25);

    private final Thread thread;
    private volatile boolean running = true;

    private StatusWatcher(SlipwayApi api, String service, List<String> reasons) {
        // Every 25 ms, as a console refreshing quickly would: often enough to see a reason that
        // stands for a second, without loading the machine whose timing the test measures.
        this.thread = new Thread(() -> Awaitility.await().forever().pollInterval(POLL).until(() -> {
            var reason = api.get("/api/v1/services/" + service).json().path("statusReason");
            if (reason.isString() && (reasons.isEmpty() || !reasons.get(reasons.size() - 1).equals(reason.asString()))) {
                reasons.add(reason.asString());
            }
            return !running;
        }), "status-watcher-" + service);
        thread.setDaemon(true);
    }

    public static StatusWatcher start(SlipwayApi api, String service, List<String> reasons) {
        var watcher = new StatusWatcher(api, service, reasons);
        watcher.thread.start();
        return watcher;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join();
    }
}
