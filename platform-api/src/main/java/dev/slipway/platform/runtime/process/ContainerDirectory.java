package dev.slipway.platform.runtime.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The process runtime's directory. Per container, named by its instance and container id so that
 * replicas never collide: {@code .json} (its {@link ContainerRecord}), {@code .out} and
 * {@code .err} (what the app writes, with {@code .offset} files saying how much was copied), and
 * {@code .exit} (the app's exit code, written by the wrapper shell when the app ended).
 */
final class ContainerDirectory {

    private static final String STATE = ".json";
    private static final Logger log = LoggerFactory.getLogger(ContainerDirectory.class);

    private final Path root;
    private final JsonMapper json = JsonMapper.builder().build();

    ContainerDirectory(Path root) {
        this.root = root;
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the process runtime's directory " + root
                    + ": " + e.getMessage() + "; check that Slipway may write there", e);
        }
    }

    Path root() {
        return root;
    }

    /** Where a container of the instance writes its exit code: this prefix, then its id and {@code .exit}. */
    String exitFilePrefix(String instanceId) {
        return root.resolve(safe(instanceId) + "-").toString();
    }

    /** Where the output of a container goes until its id is known. */
    Path startingFile(String instanceId, String token, String suffix) {
        return root.resolve(safe(instanceId) + "-starting-" + token + suffix);
    }

    Path stdout(ContainerRecord record) {
        return file(record, ".out");
    }

    Path stderr(ContainerRecord record) {
        return file(record, ".err");
    }

    void write(ContainerRecord record) throws IOException {
        var target = file(record, STATE);
        var temporary = target.resolveSibling(target.getFileName() + ".tmp");
        try {
            json.writeValue(temporary.toFile(), record);
        } catch (JacksonException e) {
            throw new IOException(e.getMessage(), e);
        }
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Every container with a state file, running or not. */
    List<ContainerRecord> records() {
        return read("*" + STATE);
    }

    /** The container with this id; the newest when an ended one's id was reused. */
    Optional<ContainerRecord> find(String id) {
        if (!id.chars().allMatch(Character::isDigit) || id.isEmpty()) {
            return Optional.empty();
        }
        return read("*-" + id + STATE).stream().max(Comparator.comparing(ContainerRecord::started));
    }

    /** The exit code the wrapper shell recorded, once the app ended. */
    OptionalInt exitCode(ContainerRecord record) {
        try {
            return OptionalInt.of(Integer.parseInt(Files.readString(file(record, ".exit")).trim()));
        } catch (IOException | NumberFormatException e) {
            return OptionalInt.empty();
        }
    }

    /** Removes every file of the container. */
    void delete(ContainerRecord record) {
        try (var files = Files.newDirectoryStream(root, base(record) + ".*")) {
            for (var file : files) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the files of container " + record.pid() + " in " + root, e);
        }
    }

    private List<ContainerRecord> read(String glob) {
        var records = new ArrayList<ContainerRecord>();
        try (var files = Files.newDirectoryStream(root, glob)) {
            for (var file : files) {
                try {
                    records.add(json.readValue(file.toFile(), ContainerRecord.class));
                } catch (JacksonException e) {
                    log.warn("Ignoring {}: it is not a container's state ({})", file, e.getMessage());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the process runtime's directory " + root, e);
        }
        return records;
    }

    private Path file(ContainerRecord record, String suffix) {
        return root.resolve(base(record) + suffix);
    }

    private static String base(ContainerRecord record) {
        return safe(record.instanceId()) + "-" + record.pid();
    }

    /** Instance ids are Slipway's own, but a file name must never leave the directory. */
    private static String safe(String instanceId) {
        return instanceId.replaceAll("[^A-Za-z0-9_.-]", "_");
    }
}
