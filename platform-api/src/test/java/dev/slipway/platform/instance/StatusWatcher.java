package dev.slipway.platform.instance;

import dev.slipway.platform.support.SlipwayApi;
import java.util.List;

/**
 * Reads a service's status reason over and over while a test makes something happen, so a test
 * can assert what the status said in between (a user watching the console would have seen it).
 */
final class StatusWatcher implements AutoCloseable {

    private final Thread thread;
    private volatile boolean running = true;

    private StatusWatcher(SlipwayApi api, String service, List<String> reasons) {
        this.thread = new Thread(() -> {
            while (running) {
                var answer = api.get("/api/v1/services/" + service);
                var reason = answer.json().path("statusReason");
                if (reason.isString() && (reasons.isEmpty() || !reasons.get(reasons.size() - 1).equals(reason.asString()))) {
                    reasons.add(reason.asString());
                }
            }
        }, "status-watcher-" + service);
        thread.setDaemon(true);
    }

    static StatusWatcher start(SlipwayApi api, String service, List<String> reasons) {
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
