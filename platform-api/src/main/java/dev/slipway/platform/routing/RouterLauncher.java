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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Starts the standalone router ({@code dev.slipway.router.StandaloneRouter}) as a process of its own, from
 * the same Java installation and class path as Slipway: through Spring Boot's {@code PropertiesLauncher}
 * when Slipway runs from its executable jar, else with Slipway's class path. The router runs in a session
 * of its own, so a Ctrl-C meant for Slipway does not reach it, and appends its output to
 * {@code router/router.log}.
 */
final class RouterLauncher {

    static final String MAIN_CLASS = "dev.slipway.router.StandaloneRouter";
    static final String BOOT_LAUNCHER = "org.springframework.boot.loader.launch.PropertiesLauncher";
    static final String LOG_FILE = "router.log";
    static final String STATE_FILE = "routes.json";
    /** Variables the router keeps from Slipway's environment; secrets meant for Slipway or its apps stay behind. */
    private static final List<String> INHERITED = List.of("PATH", "HOME", "LANG", "LC_ALL", "TZ", "TMPDIR");

    private static final Duration POLL_INTERVAL = Duration.ofMillis(25);
    private static final int TAIL_BYTES = 4096;

    private final Path directory;
    private final String bind;
    private final String token;

    RouterLauncher(Path directory, String bind, String token) {
        this.directory = directory;
        this.bind = bind;
        this.token = token;
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
        List<String> command = command(port, controlPort);
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Map<String, String> environment = builder.environment();
        environment.keySet().retainAll(INHERITED);
        environment.put(ControlToken.VARIABLE, token);
        return builder.start();
    }

    List<String> command(int port, int controlPort) {
        List<String> command = new ArrayList<>();
        setsid().ifPresent(command::add);
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // A router that ran out of memory exits and is started again, rather than limping on.
        command.add("-XX:+ExitOnOutOfMemoryError");
        command.add("-D" + RouterLogging.PROPERTY + "=true");
        String classPath = System.getProperty("java.class.path");
        if (isBootJar(classPath)) {
            command.addAll(List.of("-Dloader.main=" + MAIN_CLASS, "-cp", classPath, BOOT_LAUNCHER));
        } else {
            command.addAll(List.of("-cp", classPath, MAIN_CLASS));
        }
        command.addAll(List.of("--port", Integer.toString(port), "--bind", bind,
                "--state", stateFile().toString(), "--control-port", Integer.toString(controlPort),
                "--access-log", "off"));
        return command;
    }

    /** Whether the class path is Slipway's executable jar, whose classes are nested jars Java cannot load. */
    static boolean isBootJar(String classPath) {
        if (classPath.contains(File.pathSeparator) || !classPath.endsWith(".jar")) {
            return false;
        }
        try (JarFile jar = new JarFile(classPath)) {
            return jar.getManifest() != null && jar.getManifest().getMainAttributes().getValue("Spring-Boot-Version") != null;
        } catch (IOException e) {
            return false;
        }
    }

    /** {@code setsid} (util-linux), when this system has it. */
    private static Optional<String> setsid() {
        String path = System.getenv("PATH");
        return Stream.of(path == null ? "/usr/bin:/bin" : path, "/usr/bin:/bin")
                .flatMap(list -> Stream.of(list.split(File.pathSeparator)))
                .filter(dir -> !dir.isEmpty())
                .map(dir -> Path.of(dir, "setsid"))
                .filter(Files::isExecutable)
                .map(Path::toString)
                .findFirst();
    }
}
