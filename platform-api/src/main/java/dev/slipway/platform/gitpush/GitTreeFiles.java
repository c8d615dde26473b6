package dev.slipway.platform.gitpush;

import dev.slipway.config.project.ProjectFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevTree;
import org.eclipse.jgit.treewalk.TreeWalk;

/** A pushed commit's files, read straight from the object database without a checkout. */
final class GitTreeFiles implements ProjectFiles {

    private final Repository repository;
    private final RevTree tree;
    private final String prefix;

    GitTreeFiles(Repository repository, RevTree tree, String sourceDirectory) {
        this.repository = repository;
        this.tree = tree;
        this.prefix = sourceDirectory.isEmpty() || sourceDirectory.endsWith("/") ? sourceDirectory : sourceDirectory + "/";
    }

    @Override
    public Optional<String> read(String path) {
        try (var walk = TreeWalk.forPath(repository, prefix + path, tree)) {
            if (walk == null) {
                return Optional.empty();
            }
            var mode = walk.getFileMode(0);
            if (mode != FileMode.REGULAR_FILE && mode != FileMode.EXECUTABLE_FILE) {
                return Optional.empty();
            }
            try (var in = repository.open(walk.getObjectId(0)).openStream()) {
                return Optional.of(new String(in.readNBytes(MAX_BYTES), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
