package dev.slipway.platform.system.database;

import java.io.IOException;

/** Sends signals Java's Process API cannot: PostgreSQL shuts down fast on SIGINT. */
final class Signals {

    private Signals() {
    }

    static void interrupt(long pid) {
        try {
            new ProcessBuilder("kill", "-INT", Long.toString(pid))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start()
                    .waitFor();
        } catch (IOException e) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
