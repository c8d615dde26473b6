package dev.slipway.platform.instance;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * An instance as stored: one replica of a deployment, which runs in one container at a time and
 * gets a new container each time it is restarted.
 *
 * @param containerId    the runtime's id of its current (or last) container
 * @param address        where its current container listens, {@code host:port}
 * @param stateReason    why it is in its state, when that is not obvious
 * @param restarts       how many times it was restarted after a crash or failed health checks
 * @param crashStreak    crashes since it was last healthy for long enough; sets the restart backoff
 * @param lastExitReason how its last container ended, e.g. {@code exit 137: killed, out of memory}
 * @param healthySince   when it last became healthy
 * @param nextRestartAt  when a crashed or unhealthy instance will be started again
 */
public record Instance(String id, long serviceId, String deploymentId, Optional<String> containerId,
                       Optional<String> address, InstanceState state, Optional<String> stateReason, int restarts,
                       int crashStreak, OptionalInt lastExitCode, Optional<String> lastExitReason,
                       Optional<Instant> startedAt, Optional<Instant> healthySince, Optional<Instant> nextRestartAt,
                       Instant createdAt) {

    /** The id as people read it in reasons and events: {@code i3f2a9c1d…}. */
    public String shortId() {
        return id.length() > 9 ? id.substring(0, 9) + "…" : id;
    }
}
