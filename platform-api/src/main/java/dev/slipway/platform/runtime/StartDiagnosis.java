package dev.slipway.platform.runtime;

import dev.slipway.build.image.Artifact;
import dev.slipway.config.HealthCheckSettings;
import dev.slipway.config.NetworkSection;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Says why a new instance did not become healthy, and the fix, from what the app did rather than
 * what the check saw: the ports it listens on instead of its {@code $PORT}, an address only its
 * own container reaches, no port at all yet (a slow starter, and the setting that gives it
 * longer), or a start command its image does not have. Each reason ends with the app's last output.
 */
final class StartDiagnosis {

    /** The setting that keeps failed checks from counting while an app starts. */
    static final String GRACE_PERIOD_SETTING = "slipway.health-check.grace-period";
    static final String BIND_ALL = "bind to 0.0.0.0 (e.g. app.run(host=\"0.0.0.0\") or --host 0.0.0.0)";
    private static final int LOG_LINES = 20;

    private final ContainerRuntime runtime;

    StartDiagnosis(ContainerRuntime runtime) {
        this.runtime = runtime;
    }

    /** The instance ended before it passed its check: how, and for a command not found, which. */
    String ended(Container container, Artifact artifact, ContainerState state) {
        var lines = runtime.logTail(container.id(), LOG_LINES);
        var why = state.exitCode().orElse(0) == MissingStartCommand.EXIT_CODE
                ? MissingStartCommand.describe(artifact, runtime.commandSource(container.id()), lines)
                : "the instance ended (" + state.describe() + ") before it passed its health check on " + container.address();
        return why + lastOutput(lines);
    }

    /**
     * The instance runs but failed its checks.
     *
     * @param checks what the checks saw: {@code 5 consecutive TCP checks failed (the last: …) 20.1 s after the instance started}
     */
    String unhealthy(Container container, Artifact artifact, Duration after, String checks) {
        var port = port(container.address());
        var loopbackReaches = loopback(container.address());
        var listening = runtime.listeningSockets(container.id());
        String why;
        if (listening.isEmpty()) {
            why = checks + "; check that the app listens on $PORT (" + port + "), and " + slowStarter(artifact);
        } else if (listening.get().stream().anyMatch(s -> s.port() == port && (loopbackReaches || !s.loopback()))) {
            why = checks;
        } else if (listening.get().isEmpty()) {
            why = "no answer on port " + port + (port == artifact.run().port() ? "" : " (its $PORT)") + " within "
                    + seconds(after) + " of starting, and the app listens on no TCP port yet; " + slowStarter(artifact)
                    + ". " + capitalized(checks);
        } else {
            why = elsewhere(listening.get(), port, loopbackReaches, artifact) + ". " + capitalized(checks);
        }
        return why + lastOutput(container);
    }

    /** The last output lines of the instance, for a reason that has no other. */
    String lastOutput(Container container) {
        return lastOutput(runtime.logTail(container.id(), LOG_LINES));
    }

    /** The app listens, but not where the check connects. */
    static String elsewhere(List<ListeningSocket> sockets, int port, boolean loopbackReaches, Artifact artifact) {
        var unreachable = !loopbackReaches && sockets.stream().allMatch(ListeningSocket::loopback);
        if (unreachable && sockets.stream().anyMatch(s -> s.port() == port)) {
            return "the app listens on " + addresses(sockets) + " only, so nothing outside its container can reach it; "
                    + BIND_ALL;
        }
        var ports = sockets.stream().map(ListeningSocket::port).distinct().sorted().toList();
        var listens = unreachable ? addresses(sockets) + " only"
                : (ports.size() == 1 ? "port " : "ports ") + joined(ports.stream().map(String::valueOf).toList());
        var portSetting = ports.size() == 1 ? "port: " + ports.get(0) : "port: to the one it serves on";
        var run = artifact.run();
        String expected;
        if (port != run.port()) {
            expected = "it was given port " + port + " in $PORT (the process runtime gives each instance a free port"
                    + " in place of run.network.port); have the app listen on $PORT";
        } else if (run.command().isEmpty()) {
            expected = "Slipway connects to port " + port + " (the port its image EXPOSEs first, else "
                    + NetworkSection.DEFAULT_PORT + "); EXPOSE " + (ports.size() == 1 ? ports.get(0) : "that port")
                    + " first in the Dockerfile, or have the app listen on $PORT";
        } else {
            expected = "run.network.port is " + port + (port == NetworkSection.DEFAULT_PORT
                    ? " (App Runner's default when apprunner.yaml sets no port)" : "")
                    + "; set " + portSetting + " under run.network in apprunner.yaml, or have the app listen on $PORT";
        }
        return "the app listens on " + listens + ", but " + expected + (unreachable ? ", and " + BIND_ALL : "");
    }

    private static String slowStarter(Artifact artifact) {
        var settings = artifact.run().healthCheck();
        return "a slow starter (one that downloads at start or loads a big model) can be given longer with "
                + GRACE_PERIOD_SETTING + " in apprunner.yaml (now " + settings.gracePeriodSeconds() + " s, at most "
                + HealthCheckSettings.MAX_GRACE_PERIOD_SECONDS + ")";
    }

    private static String addresses(List<ListeningSocket> sockets) {
        return joined(sockets.stream().map(ListeningSocket::toString).toList());
    }

    private static String joined(List<String> items) {
        return items.size() == 1 ? items.get(0) : String.join(", ", items.subList(0, items.size() - 1))
                + " and " + items.get(items.size() - 1);
    }

    private static String lastOutput(List<String> lines) {
        return lines.isEmpty() ? "" : "; its last output:\n" + String.join("\n", lines);
    }

    private static int port(String address) {
        return Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
    }

    private static boolean loopback(String address) {
        var host = address.substring(0, address.lastIndexOf(':')).replace("[", "").replace("]", "");
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toNanos() / 1e9);
    }

    private static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
