package dev.slipway.platform.routing;

import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Starts the standalone router as a process of its own ({@link RouterCommand}) and waits until it serves.
 * It appends its output to {@code router/router.log} and gets the control token in its environment, but
 * none of Slipway's other variables.
 */
final class RouterLauncher {

    static final String LOG_FILE = "router.log";
    static final String STATE_FILE = "routes.json";
    /** Variables the router keeps from Slipway's environment; secrets meant for Slipway or its apps stay behind. */
    private static final List<String> INHERITED = List.of("PATH", "HOME", "LANG", "LC_ALL", "TZ", "TMPDIR");

    private static final Duration POLL_INTERVAL = Duration.ofMillis(25);
    private static final int TAIL_BYTES = 4096;

    private final Path directory;
    private final String bind;
    private final String token;
    private final RouterClientOptions clients;

    RouterLauncher(Path directory, String bind, String token, RouterClientOptions clients) {
        this.directory = directory;
        this.bind = bind;
        this.token = token;
        this.clients = clients;
    }

    /** How the routers this launcher starts treat their clients. */
    RouterClientOptions clients() {
        return clients;
    }

    Path stateFile() {
        return directory.resolve(STATE_FILE);
    }

    Path logFile() {
        return directory.resolve(LOG_FILE);
    }

    /**
     * Starts a router on these ports, hands it to {@code launched} (before it serves) and waits until its
     * control API answers.
     *
     * @throws RouterUnavailableException when it exits or does not answer within {@code timeout} (it is then
     *                                    stopped); the message holds the end of its log
     */
    Process start(int port, int controlPort, RouterControl control, Duration timeout, Launched launched)
            throws IOException {
        Files.createDirectories(directory);
        long logStart = Files.exists(logFile()) ? Files.size(logFile()) : 0;
        Files.writeString(logFile(), Instant.now() + " Slipway starts the router on port " + port
                + ", control port " + controlPort + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        Process process = launch(port, controlPort);
        launched.accept(process.toHandle());
        long deadline = System.nanoTime() + timeout.toNanos();
        while (control.health().isEmpty()) {
            if (!process.isAlive()) {
                throw new RouterUnavailableException("The router exited at start with status " + process.exitValue()
                        + ":\n" + logSince(logStart) + "\nIf a port is taken, stop what uses it or set "
                        + "SLIPWAY_ROUTER_PORT and SLIPWAY_ROUTER_CONTROL_PORT. The router's log is " + logFile() + ".");
            }
            if (System.nanoTime() - deadline > 0) {
                process.destroyForcibly();
                throw new RouterUnavailableException("The router did not answer on control port " + controlPort
                        + " within " + timeout.toSeconds() + " s and was stopped:\n" + logSince(logStart)
                        + "\nThe router's log is " + logFile() + ".");
            }
            try {
                Thread.sleep(POLL_INTERVAL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for the router to start", e);
            }
        }
        return process;
    }

    /** The router's output since {@code offset}, at most its last {@value #TAIL_BYTES} bytes. */
    private String logSince(long offset) {
        try (var file = FileChannel.open(logFile(), StandardOpenOption.READ)) {
            long start = Math.max(offset, file.size() - TAIL_BYTES);
            ByteBuffer bytes = ByteBuffer.allocate((int) Math.max(0, file.size() - start));
            file.read(bytes, start);
            return new String(bytes.array(), 0, bytes.position(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return "(cannot read " + logFile() + ": " + e + ")";
        }
    }

    /** Told of a router process as soon as it is launched. */
    interface Launched {
        void accept(ProcessHandle router) throws IOException;
    }

    private Process launch(int port, int controlPort) throws IOException {
        List<String> command = new RouterCommand(directory)
                .build(System.getProperty("java.class.path"), bind, port, controlPort, stateFile(), clients);
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Map<String, String> environment = builder.environment();
        environment.keySet().retainAll(INHERITED);
        environment.put(ControlToken.VARIABLE, token);
        return builder.start();
    }
}
