package dev.slipway.platform.deployment;

import java.nio.file.Path;
import java.util.Optional;

/** The repositories users push services to, as deployments read them (kept by the git server). */
public interface PushedRepositories {

    /** The service's bare repository on disk. */
    Path path(String service);

    /** The commit a branch points at, if anything was pushed to it. */
    Optional<String> head(String service, String branch);
}
