package dev.slipway.platform.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.build.image.Artifact;
import dev.slipway.config.HealthCheckSettings;
import dev.slipway.config.HealthCheckSettings.Protocol;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Why a real app that never becomes healthy failed, in the words a user reads on the deployment:
 * the port it listens on instead, an address nothing outside its container reaches, a start
 * command its image lacks, a slow start and the setting that gives it longer. Each runtime runs it.
 */
abstract class StartDiagnosisScenario {

    /** Failures count from 3 s after the start: an app that listens somewhere does so by then. */
    static final HealthCheckSettings AFTER_THREE_SECONDS = new HealthCheckSettings(Protocol.TCP, "/", 1, 1, 1, 1, 3);
    /** Failures count at once, and two in a row fail the start: about a second. */
    static final HealthCheckSettings NO_GRACE = new HealthCheckSettings(Protocol.TCP, "/", 1, 1, 1, 2, 0);

    private final List<Container> started = new ArrayList<>();

    abstract ContainerRuntime runtime();

    /** An artifact of this runtime that starts {@code command} (with Python 3), with the given checks. */
    abstract Artifact artifact(String command, HealthCheckSettings settings);

    /** A port the app may listen on instead of its {@code $PORT}. */
    abstract int otherPort() throws Exception;

    /** What the reason says when the app listens on {@code otherPort} instead of its {@code $PORT}. */
    abstract String listensElsewhere(int otherPort, Container container);

    /** An address Slipway reaches an app bound to: {@code 0.0.0.0} in a container, loopback for a process. */
    abstract String reachableAddress();

    /** What follows the port in "no answer on port …", as a pattern: the process runtime's own port is $PORT. */
    abstract String portNote();

    /** Where the runtime looks up a start command, as the reason names it. */
    abstract String commandSource();

    /** Stops what the test started; each runtime's teardown calls it before it closes the runtime. */
    void stopStarted() {
        started.forEach(c -> runtime().stop(c.id()));
    }

    @Test
    void anAppListeningOnAnotherPortIsToldWhichAndTheSettingThatFixesIt() throws Exception {
        var port = otherPort();
        var artifact = artifact("exec python3 -m http.server --bind " + reachableAddress() + " " + port, AFTER_THREE_SECONDS);
        var container = start(artifact);

        var reason = check(container, artifact);

        assertThat(reason).hasValueSatisfying(r -> assertThat(r)
                .startsWith(listensElsewhere(port, container) + ". The TCP check failed (the last: connecting to "
                        + container.address() + ": Connection refused)"));
    }

    @Test
    void aMissingStartCommandIsNamedWithWhereItWasLookedFor() throws Exception {
        var artifact = artifact("gunicorn app:app", AFTER_THREE_SECONDS);
        var container = start(artifact);

        var reason = check(container, artifact);

        assertThat(reason).hasValue("the start command `gunicorn app:app` exited with 127 (command not found): gunicorn"
                + " is not in " + commandSource() + "; install it in the build commands, or correct the start command;"
                + " its last output:\nsh: 1: gunicorn: not found");
    }

    @Test
    void aSlowStarterFailsSayingHowLongItHadAndStartsWhenGivenAGracePeriod() throws Exception {
        var command = "sleep 4 && exec python3 -m http.server --bind " + reachableAddress() + " \"$PORT\"";
        var withoutGrace = artifact(command, NO_GRACE);
        var withGrace = artifact(command, new HealthCheckSettings(Protocol.TCP, "/", 1, 1, 1, 2, 20));
        var tooSoon = start(withoutGrace);

        var failed = check(tooSoon, withoutGrace);
        var given = start(withGrace);

        assertThat(failed).hasValueSatisfying(r -> assertThat(r)
                .matches("(?s)no answer on port " + port(tooSoon) + portNote() + " within 1\\.\\d s of starting, and the app listens"
                        + " on no TCP port yet; a slow starter \\(one that downloads at start or loads a big model\\)"
                        + " can be given longer with slipway\\.health-check\\.grace-period in apprunner\\.yaml"
                        + " \\(now 0 s, at most 3600\\)\\. 2 consecutive TCP checks failed .*"));
        assertThat(check(given, withGrace)).as("the same app with a 20 s grace period").isEmpty();
    }

    Container start(Artifact artifact) {
        var id = "i" + Long.toHexString(System.nanoTime());
        var container = runtime().start(new ContainerSpec("diagnosis", "d-diagnosis", id, artifact));
        started.add(container);
        return container;
    }

    Optional<String> check(Container container, Artifact artifact) throws InterruptedException {
        return new HealthCheck(runtime()).awaitHealthy(container, artifact);
    }

    static int port(Container container) {
        return Integer.parseInt(container.address().substring(container.address().lastIndexOf(':') + 1));
    }
}
