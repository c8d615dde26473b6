package dev.slipway.router;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.json.JsonMapper;

/**
 * The route state file: a route table as JSON, read by the standalone router and written by whoever
 * decides the routes.
 *
 * <pre>{@code
 * {"routes": [{"host": "hello.localhost",
 *              "targets": [{"address": "127.0.0.1:9001", "weight": 100}]}]}
 * }</pre>
 *
 * {@code weight} may be left out and then is {@link Target#FULL_WEIGHT}; a route may also carry
 * {@code pathPrefix}, {@code service}, {@code requestTimeout} (e.g. {@code "90s"}), {@code maxBodySize}
 * (bytes) and {@code admission} ({@link Admission}'s fields, with {@code queueTimeout} as a duration).
 * Unknown fields are errors, so a misspelt field cannot silently drop a route.
 */
public final class RouteStateFile {

    /** Permissions of a new state file: the router may run as another user than the writer. */
    static final Set<PosixFilePermission> NEW_FILE_PERMISSIONS = PosixFilePermissions.fromString("rw-r--r--");

    private RouteStateFile() {
    }

    /**
     * Reads a state file.
     *
     * @throws java.nio.file.NoSuchFileException when the file does not exist
     * @throws InvalidRouteStateException        when it is not valid route state; the message names the
     *                                           file, line and column
     */
    public static RouteTable read(Path file) throws IOException, InvalidRouteStateException {
        return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    }

    /** Parses route state JSON; {@code source} names it in error messages. */
    public static RouteTable parse(String json, String source) throws InvalidRouteStateException {
        return RouteStateParser.parse(json, source);
    }

    /** The JSON text of a table, as {@link #write} stores it. */
    public static String format(RouteTable table) {
        List<Map<String, Object>> routes = new ArrayList<>();
        for (Route route : table.routes()) {
            List<Map<String, Object>> targets = new ArrayList<>();
            for (Target target : route.targets()) {
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("address", target.address());
                json.put("weight", target.weight());
                targets.add(json);
            }
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("host", route.host());
            if (!route.pathPrefix().equals(PathPrefixes.ROOT)) {
                json.put("pathPrefix", route.pathPrefix());
            }
            if (!route.service().equals(route.host())) {
                json.put("service", route.service());
            }
            if (route.requestTimeout() != null) {
                json.put("requestTimeout", Durations.format(route.requestTimeout()));
            }
            if (route.maxBodySize() != null) {
                json.put("maxBodySize", route.maxBodySize());
            }
            Map<String, Object> admission = AdmissionJson.format(route.admission());
            if (!admission.isEmpty()) {
                json.put("admission", admission);
            }
            json.put("targets", targets);
            routes.add(json);
        }
        return JsonMapper.shared().writerWithDefaultPrettyPrinter().writeValueAsString(Map.of("routes", routes)) + "\n";
    }

    /**
     * Writes a table so that readers see either the old file or the new one, never a mix: the JSON goes to a
     * temporary file in the same directory, is synced to disk, then renamed over {@code file}.
     */
    public static void write(Path file, RouteTable table) throws IOException {
        Path target = file.toAbsolutePath();
        Path directory = target.getParent();
        Files.createDirectories(directory);
        Path temporary = Files.createTempFile(directory, "." + target.getFileName(), ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer bytes = ByteBuffer.wrap(format(table).getBytes(StandardCharsets.UTF_8));
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                channel.force(true);
            }
            keepPermissions(target, temporary);
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** Gives the new file the old one's permissions, or readable-by-all ones (temporary files start private). */
    private static void keepPermissions(Path file, Path temporary) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(temporary, PosixFileAttributeView.class);
        if (view != null) {
            view.setPermissions(Files.exists(file) ? Files.getPosixFilePermissions(file) : NEW_FILE_PERMISSIONS);
        }
    }
}
