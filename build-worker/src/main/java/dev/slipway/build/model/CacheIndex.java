package dev.slipway.build.model;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The cache's index: one small file per object identity naming the sha256 and size of its
 * content. Entries are replaced atomically, so a reader sees a whole entry or none. An entry's
 * modification time is when a build last used it.
 */
final class CacheIndex {

    /** One index entry. */
    record Entry(Path file, String sha256, long size, Instant lastUsed) {
    }

    private static final String SHA256 = "sha256";
    private static final String SIZE = "size";
    private static final String URI = "uri";
    private static final String VERSION = "version";
    private static final String ENDPOINT = "endpoint";

    private final CacheLayout layout;
    private final Clock clock;

    CacheIndex(CacheLayout layout, Clock clock) {
        this.layout = layout;
        this.clock = clock;
    }

    Optional<Entry> find(ObjectIdentity object) {
        return read(layout.entry(object));
    }

    /** Records the content of an object, replacing any entry it had. */
    void write(ObjectIdentity object, String sha256, long size) throws IOException {
        var properties = new Properties();
        properties.setProperty(SHA256, sha256);
        properties.setProperty(SIZE, Long.toString(size));
        properties.setProperty(URI, object.uri());
        properties.setProperty(VERSION, object.version());
        properties.setProperty(ENDPOINT, object.endpoint());
        var text = new StringWriter();
        properties.store(text, null);
        var entry = layout.entry(object);
        Files.createDirectories(entry.getParent());
        var temporary = layout.newTemporaryFile();
        try {
            Files.writeString(temporary, text.toString(), StandardCharsets.UTF_8);
            Files.setLastModifiedTime(temporary, FileTime.from(clock.instant()));
            Files.move(temporary, entry, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** Marks an entry as used now, so garbage collection keeps its content. */
    void touch(Entry entry) {
        try {
            Files.setLastModifiedTime(entry.file(), FileTime.from(clock.instant()));
        } catch (IOException e) {
            // A read-only or concurrently collected cache still serves this build; only the
            // entry's age is left as it was.
        }
    }

    List<Entry> all() {
        try (Stream<Path> files = Files.walk(layout.index())) {
            var entries = new ArrayList<Entry>();
            files.filter(Files::isRegularFile).forEach(file -> read(file).ifPresent(entries::add));
            return entries;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the model cache index in " + layout.index(), e);
        }
    }

    void delete(Entry entry) throws IOException {
        Files.deleteIfExists(entry.file());
        Files.deleteIfExists(layout.lockOf(entry.file()));
    }

    private static Optional<Entry> read(Path file) {
        try {
            var properties = new Properties();
            properties.load(new StringReader(Files.readString(file, StandardCharsets.UTF_8)));
            var sha256 = properties.getProperty(SHA256);
            var size = properties.getProperty(SIZE);
            if (sha256 == null || size == null) {
                return Optional.empty();
            }
            return Optional.of(new Entry(file, sha256, Long.parseLong(size),
                    Files.getLastModifiedTime(file).toInstant()));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | NumberFormatException e) {
            // An unreadable entry is a cache miss; the next download replaces it.
            return Optional.empty();
        }
    }
}
