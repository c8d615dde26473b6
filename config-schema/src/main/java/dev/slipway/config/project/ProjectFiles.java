package dev.slipway.config.project;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Read access to a project's files, by path relative to its source directory ({@code /}
 * separated). Lets detection run on a checked-out directory or directly on a pushed git tree.
 */
public interface ProjectFiles {

    /** The file's text (UTF-8), or empty when there is no regular file at {@code path}. */
    Optional<String> read(String path);

    default boolean exists(String path) {
        return read(path).isPresent();
    }

    /** Files in a directory on disk. */
    static ProjectFiles of(Path directory) {
        return path -> {
            var file = directory.resolve(path);
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            try {
                return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }
}
