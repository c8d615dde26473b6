package dev.slipway.platform.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import tools.jackson.databind.json.JsonMapper;

/**
 * Slipway as an operator runs it: {@code java -jar slipway.jar} in its own OS process, with its
 * router as a second process it starts and supervises. A second start on the same home is a
 * restart; {@link #kill()} is a crash.
 */
public final class SlipwayProcess implements AutoCloseable {

    /** The jar {@code mvn package} builds (integration tests run after it), from the module or the root. */
    public static final Path JAR = Files.exists(Path.of("target", "slipway.jar")) ? Path.of("target", "slipway.jar")
            : Path.of("platform-api", "target", "slipway.jar");
    private static final Duration READY = Duration.ofMinutes(2);

    private final Path home;
    private final Ports ports;
    private final Process process;

    private SlipwayProcess(Path home, Ports ports, Process process) {
        this.home = home;
        this.ports = ports;
        this.process = process;
    }

    /** The ports one Slipway uses; keep them for a restart on the same home. */
    public record Ports(int api, int router, int routerControl) {

        public static Ports free() {
            return new Ports(freePort(), freePort(), freePort());
        }
    }

    /** Starts Slipway on {@code home} with the given runtime and waits until its API answers. */
    public static SlipwayProcess start(Path home, String runtime, Ports ports) {
        return start(home, runtime, ports, java.util.Map.of());
    }

    /** The same, with more variables in Slipway's environment, as an operator sets them. */
    public static SlipwayProcess start(Path home, String runtime, Ports ports, java.util.Map<String, String> extraEnv) {
        try {
            Files.createDirectories(home);
            var builder = new ProcessBuilder(javaBinary(), "-jar", JAR.toAbsolutePath().toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("slipway.log").toFile()));
            var env = builder.environment();
            env.put("SLIPWAY_HOME", home.toString());
            env.put("SLIPWAY_RUNTIME", runtime);
            env.put("SLIPWAY_PORT", Integer.toString(ports.api()));
            env.put("SLIPWAY_ROUTER_PORT", Integer.toString(ports.router()));
            env.put("SLIPWAY_ROUTER_CONTROL_PORT", Integer.toString(ports.routerControl()));
            env.put("SLIPWAY_ROUTER_BIND", "127.0.0.1");
            env.put("SLIPWAY_ADMIN_TOKEN", RunningSlipway.TOKEN);
            env.put("SLIPWAY_DRAIN_TIMEOUT", "10s");
            env.putAll(extraEnv);
            var slipway = new SlipwayProcess(home, ports, builder.start());
            slipway.awaitReady();
            return slipway;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public SlipwayApi api() {
        return new SlipwayApi(baseUrl(), RunningSlipway.TOKEN);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + ports.api();
    }

    public String gitUrl(String service) {
        return baseUrl() + "/git/" + service + ".git";
    }

    public ServiceClient service(String name) {
        return new ServiceClient(ports.router(), name + ".localhost");
    }

    public Ports ports() {
        return ports;
    }

    public long pid() {
        return process.pid();
    }

    /** The router process's pid, from the record Slipway keeps of it. */
    public long routerPid() {
        try {
            var record = JsonMapper.builder().build().readTree(Files.readString(home.resolve("router/router.json")));
            return record.get("pid").asLong();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Kills Slipway's own process with SIGKILL, as a crash or the OOM killer would. Its router goes on. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** The last lines Slipway logged, for failure messages. */
    public String logTail() {
        try {
            var lines = Files.readAllLines(home.resolve("slipway.log"));
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** Stops Slipway politely (SIGTERM); its router and apps keep running until {@link #stopRouter()}. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    /** Stops the router process Slipway left running. */
    public void stopRouter() {
        if (Files.exists(home.resolve("router/router.json"))) {
            ProcessHandle.of(routerPid()).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    private void awaitReady() {
        try {
            Awaitility.await("Slipway's API on port " + ports.api()).atMost(READY).pollInterval(Duration.ofMillis(200))
                    .until(() -> {
                        if (!process.isAlive()) {
                            throw new AssertionError("Slipway exited with " + process.exitValue() + ":\n" + logTail());
                        }
                        try {
                            return api().get("/api/v1/services").status() == 200;
                        } catch (UncheckedIOException e) {
                            return false;
                        }
                    });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("Slipway did not answer within " + READY + ":\n" + logTail(), e);
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
