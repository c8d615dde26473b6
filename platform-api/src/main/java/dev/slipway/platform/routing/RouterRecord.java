package dev.slipway.platform.routing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What Slipway keeps in {@code router/router.json} about the router process it started, so that a
 * restarted Slipway finds it again (and {@code make stop} can stop it).
 *
 * @param pid         the router's process id
 * @param started     when that process started, which tells it from a later process given the same id
 * @param bind        the address it serves apps on
 * @param port        the port it serves apps on
 * @param controlPort the port of its control API, on loopback
 * @param options     the options it was started with that say how it treats clients
 *                    ({@link RouterClientOptions#arguments()}); empty in a record from before they existed
 */
record RouterRecord(long pid, Instant started, String bind, int port, int controlPort, List<String> options) {

    static final String FILE_NAME = "router.json";

    RouterRecord {
        options = List.copyOf(options);
    }

    static RouterRecord of(ProcessHandle process, String bind, int port, int controlPort, List<String> options) {
        return new RouterRecord(process.pid(), startOf(process), bind, port, controlPort, options);
    }

    /** The record in {@code file}, or empty when there is none or it cannot be read (which is logged). */
    static Optional<RouterRecord> read(Path file) {
        try {
            JsonNode json = JsonMapper.shared().readTree(Files.readString(file, StandardCharsets.UTF_8));
            return Optional.of(new RouterRecord(json.required("pid").asLong(),
                    Instant.parse(json.required("started").asString()), json.required("bind").asString(),
                    json.required("port").asInt(), json.required("controlPort").asInt(), options(json)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            LoggerFactory.getLogger(RouterRecord.class)
                    .warn("Ignoring the router record {}, which cannot be read: {}", file, e.toString());
            return Optional.empty();
        }
    }

    /** Replaces {@code file} atomically. */
    void write(Path file) throws IOException {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("pid", pid);
        json.put("started", started == null ? null : started.toString());
        json.put("bind", bind);
        json.put("port", port);
        json.put("controlPort", controlPort);
        json.put("options", options);
        Path temporary = Files.createTempFile(file.getParent(), "." + FILE_NAME, ".tmp");
        try {
            Files.writeString(temporary, JsonMapper.shared().writeValueAsString(json) + "\n", StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static List<String> options(JsonNode json) {
        List<String> options = new ArrayList<>();
        json.path("options").forEach(option -> options.add(option.asString()));
        return options;
    }

    /** The recorded process, if it still runs: same id and same start time. */
    Optional<ProcessHandle> process() {
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .filter(handle -> started != null && started.equals(startOf(handle)));
    }

    private static Instant startOf(ProcessHandle process) {
        return process.info().startInstant().orElse(null);
    }
}
