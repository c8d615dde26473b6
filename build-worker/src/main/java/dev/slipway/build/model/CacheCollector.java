package dev.slipway.build.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Garbage collection of the content cache. A blob's last use is the latest use of any index entry
 * that points to it, or when it was stored, whichever is later. Entries whose blob is gone are
 * removed, and so are downloads abandoned for longer than the age.
 */
final class CacheCollector {

    private final CacheLayout layout;
    private final CacheIndex index;
    private final Clock clock;

    CacheCollector(CacheLayout layout, CacheIndex index, Clock clock) {
        this.layout = layout;
        this.index = index;
        this.clock = clock;
    }

    CacheCleanup collect(Set<String> keep, Duration unusedFor) {
        if (unusedFor.isNegative()) {
            throw new IllegalArgumentException("the age must not be negative: " + unusedFor);
        }
        var cutoff = clock.instant().minus(unusedFor);
        var entries = index.all();
        var entriesBySha256 = new HashMap<String, List<Path>>();
        for (var entry : entries) {
            entriesBySha256.computeIfAbsent(entry.sha256(), sha256 -> new ArrayList<>()).add(entry.file());
        }
        try {
            int removedBlobs = 0;
            long freedBytes = 0;
            for (var blob : files(layout.blobs())) {
                var sha256 = blob.getFileName().toString();
                if (keep.contains(sha256) || usedSince(blob, entriesBySha256.getOrDefault(sha256, List.of()), cutoff)) {
                    continue;
                }
                var size = Files.size(blob);
                if (Files.deleteIfExists(blob)) {
                    removedBlobs++;
                    freedBytes += size;
                }
            }
            int removedEntries = 0;
            for (var entry : entries) {
                if (!Files.exists(layout.blob(entry.sha256()))) {
                    index.delete(entry);
                    removedEntries++;
                }
            }
            for (var abandoned : files(layout.temporary())) {
                if (Files.getLastModifiedTime(abandoned).toInstant().isBefore(cutoff)) {
                    Files.deleteIfExists(abandoned);
                }
            }
            return new CacheCleanup(removedBlobs, freedBytes, removedEntries);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot collect garbage in the model cache " + layout.root()
                    + ": " + e.getMessage() + "; check the permissions of the directory", e);
        }
    }

    /**
     * Whether the blob was stored or any entry pointing to it was used after the cutoff. Entry
     * times are read again here, right before a deletion, so a build that just used the blob
     * keeps it.
     */
    private static boolean usedSince(Path blob, List<Path> entries, Instant cutoff) throws IOException {
        if (Files.getLastModifiedTime(blob).toInstant().isAfter(cutoff)) {
            return true;
        }
        for (var entry : entries) {
            try {
                if (Files.getLastModifiedTime(entry).toInstant().isAfter(cutoff)) {
                    return true;
                }
            } catch (NoSuchFileException e) {
                // Replaced or removed meanwhile; the other entries decide.
            }
        }
        return false;
    }

    private static List<Path> files(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }
}
