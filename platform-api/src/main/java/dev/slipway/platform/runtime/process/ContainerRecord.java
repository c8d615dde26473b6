package dev.slipway.platform.runtime.process;

import dev.slipway.platform.runtime.Container;
import java.time.Instant;

/**
 * What the runtime keeps about one container in its state file, so that a restarted Slipway can
 * adopt it.
 *
 * @param pid     the pid of the container's session leader (the wrapper shell), which is also its
 *                process group id and the container id
 * @param started when the session leader started, to tell it from a later process that got the
 *                same pid; {@link Instant#EPOCH} when it had already ended before it was asked
 */
record ContainerRecord(String service, String deploymentId, String instanceId, String address, long pid,
                       Instant started) {

    Container toContainer() {
        return new Container(Long.toString(pid), service, deploymentId, instanceId, address);
    }

    ProcessGroup group() {
        return new ProcessGroup(pid, started);
    }
}
