package dev.slipway.platform.system.database;

import dev.slipway.platform.system.FreePorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server run from the binaries bundled with Slipway, its data kept in one directory
 * across restarts. PostgreSQL refuses to run as root, so when Slipway runs as root the server runs
 * as an unprivileged user (see {@link PostgresUser}).
 */
public final class EmbeddedPostgres implements AutoCloseable {

    /** The database Slipway keeps its state in. */
    public static final String DATABASE = "slipway";
    static final String SUPERUSER = "slipway";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgres.class);

    private final Path directory;
    private final Process process;
    private final int port;
    private final String password;

    private EmbeddedPostgres(Path directory, Process process, int port, String password) {
        this.directory = directory;
        this.process = process;
        this.port = port;
        this.password = password;
    }

    /**
     * Starts the server whose data lives under {@code directory} (created and initialised on
     * first use), on a free loopback port. Blocks until it accepts connections.
     */
    public static EmbeddedPostgres start(Path directory) {
        try {
            Files.createDirectories(directory);
            var binaries = PostgresBinaries.extractTo(directory.resolve("binaries"));
            var user = PostgresUser.forCurrentProcess();
            var data = directory.resolve("data");
            var password = readOrCreatePassword(directory.resolve("password"));
            if (!Files.exists(data.resolve("PG_VERSION"))) {
                initialise(binaries, user, data, directory);
            }
            stopLeftoverServer(data);
            int port = FreePorts.onLoopback();
            var command = new ArrayList<>(user.wrap(List.of(
                    binaries.resolve("bin/postgres").toString(),
                    "-D", data.toString(),
                    "-p", Integer.toString(port),
                    "-h", "127.0.0.1",
                    "-c", "unix_socket_directories=",
                    "-c", "max_connections=50",
                    "-c", "fsync=on")));
            var logFile = directory.resolve("postgres.log");
            var process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
            var server = new EmbeddedPostgres(directory, process, port, password);
            server.awaitReady(logFile);
            server.createDatabaseIfMissing();
            log.info("Embedded PostgreSQL listening on 127.0.0.1:{} (data in {}{})", port, data,
                    user.describe());
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start embedded PostgreSQL in " + directory, e);
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    public String username() {
        return SUPERUSER;
    }

    public String password() {
        return password;
    }

    public int port() {
        return port;
    }

    /** Stops the server with a fast shutdown: open sessions are ended, data is flushed. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        Signals.interrupt(process.pid());
        try {
            if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                log.warn("PostgreSQL did not stop within {}; killing it", STOP_TIMEOUT);
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static void initialise(Path binaries, PostgresUser user, Path data, Path directory)
            throws IOException {
        var staging = directory.resolve("data.init");
        deleteRecursively(staging);
        var passwordFile = directory.resolve("password");
        user.prepare(directory, passwordFile);
        var command = user.wrap(List.of(
                binaries.resolve("bin/initdb").toString(),
                "-D", staging.toString(),
                "-U", SUPERUSER,
                "--pwfile=" + passwordFile,
                "-A", "scram-sha-256",
                "-E", "UTF8",
                "--no-locale",
                "--no-instructions"));
        var logFile = directory.resolve("initdb.log");
        var process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(logFile.toFile())
                .start();
        int exit = waitFor(process);
        if (exit != 0) {
            throw new IllegalStateException("initdb failed with exit code " + exit + ":\n"
                    + tail(logFile));
        }
        // Only a complete cluster gets the final name, so a crash during initdb is retried cleanly.
        Files.move(staging, data);
    }

    private void awaitReady(Path logFile) {
        var deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("PostgreSQL exited with code " + process.exitValue()
                        + " while starting:\n" + tail(logFile));
            }
            if (accepts()) {
                return;
            }
            try {
                process.waitFor(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while PostgreSQL was starting", e);
            }
        }
        close();
        throw new IllegalStateException("PostgreSQL did not accept connections within " + START_TIMEOUT
                + ":\n" + tail(logFile));
    }

    private boolean accepts() {
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
        } catch (IOException e) {
            return false;
        }
        try (var connection = DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:" + port + "/postgres", SUPERUSER, password)) {
            return connection.isValid(1);
        } catch (SQLException e) {
            return false; // still starting up: "the database system is starting up"
        }
    }

    private void createDatabaseIfMissing() {
        try (var connection = DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:" + port + "/postgres", SUPERUSER, password);
             var exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, DATABASE);
            if (!exists.executeQuery().next()) {
                try (var create = connection.createStatement()) {
                    create.execute("create database " + DATABASE);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + DATABASE + ": " + e.getMessage(), e);
        }
    }

    /** A server left running by a Slipway that was killed holds the data directory's lock. */
    private static void stopLeftoverServer(Path data) throws IOException {
        var pidFile = data.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        var lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
        if (lines.isEmpty()) {
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(lines.get(0).trim());
        } catch (NumberFormatException e) {
            return;
        }
        var leftover = ProcessHandle.of(pid)
                .filter(p -> p.info().command().map(c -> c.endsWith("/postgres")).orElse(false));
        if (leftover.isEmpty()) {
            return;
        }
        log.warn("Stopping a PostgreSQL server (pid {}) left running on {}", pid, data);
        Signals.interrupt(pid);
        try {
            leftover.get().onExit().get(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            leftover.get().destroyForcibly();
        }
    }

    private static String readOrCreatePassword(Path file) throws IOException {
        if (Files.exists(file)) {
            return Files.readString(file, StandardCharsets.UTF_8).trim();
        }
        var bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        var password = HexFormat.of().formatHex(bytes);
        Files.writeString(file, password + "\n", StandardCharsets.UTF_8);
        PostgresUser.restrictToOwner(file);
        return password;
    }

    private static int waitFor(Process process) {
        try {
            return process.waitFor();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    static String tail(Path logFile) {
        try {
            var lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(no log at " + logFile + ")";
        }
    }

    static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (var walk = Files.walk(path)) {
            for (var p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
