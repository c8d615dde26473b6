package dev.slipway.build.image.docker;

import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.HostConfig;
import java.util.List;

/**
 * What every container Slipway runs for a user, build or app, gives up: privileges gained through
 * set-user-id programs ({@code no-new-privileges}), the capabilities no app or build needs (raw
 * sockets, device nodes, audit records, file capabilities, {@code chroot}), and unbounded
 * process creation. Apps keep binding low ports and switching users, as many do.
 */
public final class ContainerHardening {

    public static final String NO_NEW_PRIVILEGES = "no-new-privileges";
    /** Capabilities Docker grants by default that neither builds nor apps need. */
    public static final List<Capability> DROPPED_CAPABILITIES = List.of(Capability.NET_RAW, Capability.MKNOD,
            Capability.AUDIT_WRITE, Capability.SYS_CHROOT);
    /** Processes (threads count) an app container may have: far above real servers, far below a fork bomb's. */
    public static final long APP_PIDS_LIMIT = 4096;

    private ContainerHardening() {
    }

    /** {@code config} without the dropped capabilities and new privileges, and at most {@code pids} processes. */
    public static HostConfig apply(HostConfig config, long pids) {
        return config.withPrivileged(false)
                .withSecurityOpts(List.of(NO_NEW_PRIVILEGES))
                .withCapDrop(DROPPED_CAPABILITIES.toArray(Capability[]::new))
                .withPidsLimit(pids);
    }
}
