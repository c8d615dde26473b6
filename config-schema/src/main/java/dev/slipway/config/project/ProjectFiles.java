package dev.slipway.config.project;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Read access to a project's files, by path relative to its source directory ({@code /}
 * separated). Lets detection run on a checked-out directory or directly on a pushed git tree.
 */
public interface ProjectFiles {

    /** Beyond this a file is cut short: project files are far smaller, and the parser rejects big ones. */
    int MAX_BYTES = 2 * 1024 * 1024;

    /**
     * The file's text (UTF-8, at most {@link #MAX_BYTES}; bytes that are not UTF-8 read as U+FFFD, which
     * the parser reports where it stands), or empty when there is no regular file at
     * {@code path}: a symbolic link counts as none, so a link cannot make Slipway read a file outside
     * the project (an {@code apprunner.yaml} pointing at {@code /etc/passwd}).
     */
    Optional<String> read(String path);

    default boolean exists(String path) {
        return read(path).isPresent();
    }

    /** Files in a directory on disk, read without following a link in the file or a directory above it. */
    static ProjectFiles of(Path directory) {
        return path -> {
            var root = directory.toAbsolutePath().normalize();
            var file = root.resolve(path).normalize();
            try {
                // Its real path is where it claims to be: no link in it, nor in a directory above it.
                if (!file.startsWith(root) || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
                        || !file.toRealPath().equals(root.toRealPath().resolve(root.relativize(file)))) {
                    return Optional.empty();
                }
                try (var in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
                    return Optional.of(new String(in.readNBytes(MAX_BYTES), StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }
}
