package dev.slipway.platform.runtime.choice;

import dev.slipway.platform.system.SlipwayProperties.RuntimeMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides between Docker and local processes for {@code SLIPWAY_RUNTIME}. With {@code auto}, a
 * Docker daemon that answers wins. One that does not answer yet is never replaced by processes,
 * which isolate apps less: it is waited for forever while services run on Docker (moving them to
 * processes would change what runs), and for {@link #SOCKET_WAIT} when only its socket or
 * {@code DOCKER_HOST} says one should be there; then Slipway refuses to start, saying how to choose
 * processes on purpose. Only a machine with no sign of Docker uses processes, and says so.
 */
final class RuntimeChoice {

    static final Duration SOCKET_WAIT = Duration.ofSeconds(30);
    static final Duration RETRY = Duration.ofSeconds(2);
    static final Duration REPORT_EVERY = Duration.ofSeconds(10);
    private static final Path DEFAULT_SOCKET = Path.of("/var/run/docker.sock");
    private static final Logger log = LoggerFactory.getLogger(RuntimeChoice.class);

    private final BooleanSupplier dockerAnswers;
    private final boolean dockerExpected;
    private final IntSupplier servicesOnDocker;
    private final Sleeper sleeper;

    /** Waits between retries; a seam so the decision can be tested without waiting. */
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    RuntimeChoice(BooleanSupplier dockerAnswers, boolean dockerExpected, IntSupplier servicesOnDocker, Sleeper sleeper) {
        this.dockerAnswers = dockerAnswers;
        this.dockerExpected = dockerExpected;
        this.servicesOnDocker = servicesOnDocker;
        this.sleeper = sleeper;
    }

    /** Whether this machine shows signs of a Docker daemon: {@code DOCKER_HOST}, or the default socket. */
    static boolean dockerExpected(String dockerHost) {
        return (dockerHost != null && !dockerHost.isBlank()) || Files.exists(DEFAULT_SOCKET);
    }

    /** @return true for Docker, false for processes */
    boolean useDocker(RuntimeMode mode) throws InterruptedException {
        return switch (mode) {
            case DOCKER -> {
                if (!dockerAnswers.getAsBoolean()) {
                    throw new IllegalStateException("SLIPWAY_RUNTIME=docker, but no Docker daemon answers; start "
                            + "dockerd or set SLIPWAY_RUNTIME=process");
                }
                yield true;
            }
            case PROCESS -> false;
            case AUTO -> auto();
        };
    }

    private boolean auto() throws InterruptedException {
        long waited = 0;
        long reported = -1;
        while (!dockerAnswers.getAsBoolean()) {
            var onDocker = servicesOnDocker.getAsInt();
            if (onDocker == 0 && !dockerExpected) {
                log.info("No Docker on this machine (no DOCKER_HOST, no {}); apps run as local processes, which"
                        + " isolate them less than containers", DEFAULT_SOCKET);
                return false;
            }
            if (onDocker == 0 && waited >= SOCKET_WAIT.toMillis()) {
                throw new IllegalStateException("SLIPWAY_RUNTIME=auto: DOCKER_HOST or " + DEFAULT_SOCKET + " says Docker"
                        + " is here, but it did not answer within "
                        + SOCKET_WAIT.toSeconds() + " s; start dockerd, or set SLIPWAY_RUNTIME=process to run apps as"
                        + " local processes on purpose (they isolate apps less than containers)");
            }
            if (reported < 0 || waited - reported >= REPORT_EVERY.toMillis()) {
                reported = waited;
                log.warn(onDocker > 0
                        ? "Docker does not answer; waiting for it, since " + onDocker + " service(s) run on Docker "
                                + "(SLIPWAY_RUNTIME=process would move them to local processes)"
                        : "Docker does not answer yet; waiting up to " + SOCKET_WAIT.toSeconds() + " s for it");
            }
            sleeper.sleep(RETRY);
            waited += RETRY.toMillis();
        }
        return true;
    }
}
