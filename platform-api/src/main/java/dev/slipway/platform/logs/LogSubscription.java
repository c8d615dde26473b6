package dev.slipway.platform.logs;

/** A follower's place on a log. */
public interface LogSubscription {

    /** Stops following: the follower gets no more calls after the one it may be in. Idempotent. */
    void close();
}
