package dev.slipway.platform.system;

import java.util.concurrent.ThreadFactory;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/** Slipway's own background threads: named, and daemons, so they never hold up Slipway's exit. */
public final class DaemonThreads {

    private DaemonThreads() {
    }

    /** Threads named {@code prefix} followed by a number. */
    public static ThreadFactory named(String prefix) {
        var factory = new CustomizableThreadFactory(prefix);
        factory.setDaemon(true);
        return factory;
    }
}
