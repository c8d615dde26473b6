package dev.slipway.platform.routing;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The command line that runs the standalone router ({@value #MAIN_CLASS}) with Slipway's Java installation
 * and classes: through Spring Boot's {@code PropertiesLauncher} when Slipway runs from its executable jar,
 * else with Slipway's class path. It runs in a session of its own ({@code setsid}), so a Ctrl-C meant for
 * Slipway does not reach it.
 */
final class RouterCommand {

    static final String MAIN_CLASS = "dev.slipway.router.StandaloneRouter";
    static final String BOOT_LAUNCHER = "org.springframework.boot.loader.launch.PropertiesLauncher";
    static final String JAR_DIRECTORY = "lib";

    private final Path directory;

    /** A command for the router whose files are in {@code directory}. */
    RouterCommand(Path directory) {
        this.directory = directory;
    }

    List<String> build(String classPath, String bind, int port, int controlPort, Path stateFile,
                       RouterClientOptions clients) throws IOException {
        List<String> command = new ArrayList<>();
        setsid().ifPresent(command::add);
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // A router that ran out of memory exits and is started again, rather than limping on.
        command.add("-XX:+ExitOnOutOfMemoryError");
        command.add("-D" + RouterLogging.PROPERTY + "=true");
        if (isBootJar(classPath)) {
            command.addAll(List.of("-Dloader.main=" + MAIN_CLASS, "-cp", privateCopy(Path.of(classPath)).toString(),
                    BOOT_LAUNCHER));
        } else {
            command.addAll(List.of("-cp", classPath, MAIN_CLASS));
        }
        command.addAll(List.of("--port", Integer.toString(port), "--bind", bind, "--state", stateFile.toString(),
                "--control-port", Integer.toString(controlPort), "--access-log", "off"));
        command.addAll(clients.arguments());
        return command;
    }

    /** Whether the class path is Slipway's executable jar, whose classes are nested jars Java cannot load. */
    static boolean isBootJar(String classPath) {
        if (classPath.contains(File.pathSeparator) || !classPath.endsWith(".jar")) {
            return false;
        }
        try (JarFile jar = new JarFile(classPath)) {
            return jar.getManifest() != null
                    && jar.getManifest().getMainAttributes().getValue("Spring-Boot-Version") != null;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * A copy of Slipway's jar for the router alone, made once per build. A build rewrites
     * {@code slipway.jar} in place, which would change the classes under a router that outlives Slipway.
     * Copies of earlier builds are removed (a router still running from one keeps reading it).
     */
    private Path privateCopy(Path jar) throws IOException {
        Path jars = directory.resolve(JAR_DIRECTORY);
        Files.createDirectories(jars);
        BasicFileAttributes build = Files.readAttributes(jar, BasicFileAttributes.class);
        Path copy = jars.resolve("slipway-" + build.size() + "-" + build.lastModifiedTime().toMillis() + ".jar");
        if (!Files.exists(copy)) {
            Path temporary = Files.createTempFile(jars, ".slipway", ".tmp");
            try {
                Files.copy(jar, temporary, StandardCopyOption.REPLACE_EXISTING);
                Files.move(temporary, copy, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temporary);
            }
        }
        try (Stream<Path> earlier = Files.list(jars)) {
            for (Path other : earlier.filter(path -> !path.equals(copy)).toList()) {
                Files.deleteIfExists(other);
            }
        }
        return copy;
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
