package dev.slipway.build.image.docker;

import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.nio.channels.ClosedByInterruptException;

/**
 * Helpers for cancelling builds by interrupting their thread. The daemon's Unix socket is an
 * interruptible channel: any call made while the thread's interrupt flag is set fails at once,
 * so clean-up runs with the flag cleared and sets it again afterwards.
 */
final class Interruptions {

    private Interruptions() {
    }

    /** Runs {@code cleanup} with the interrupt flag cleared, then restores it. */
    static void withFlagCleared(Runnable cleanup) {
        var interrupted = Thread.interrupted();
        try {
            cleanup.run();
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Whether {@code error} (or a cause of it) comes from the thread being interrupted. */
    static boolean causedBy(Throwable error) {
        for (var cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof InterruptedException || cause instanceof ClosedByInterruptException
                    || cause instanceof InterruptedIOException && !(cause instanceof SocketTimeoutException)) {
                return true;
            }
        }
        return false;
    }
}
