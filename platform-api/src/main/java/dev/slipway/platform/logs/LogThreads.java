package dev.slipway.platform.logs;

import java.util.concurrent.ThreadFactory;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/** Threads for delivering and flushing logs; daemons, so they never hold up Slipway's exit. */
final class LogThreads {

    private LogThreads() {
    }

    static ThreadFactory daemons(String prefix) {
        var factory = new CustomizableThreadFactory(prefix);
        factory.setDaemon(true);
        return factory;
    }
}
