package dev.slipway.build.image.docker;

import dev.slipway.build.image.BuildFailedException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Set;

/**
 * The app directory as it is copied into a build container: the source (without {@code .git})
 * plus, for each model, a link {@code /app/<target>} → {@code /opt/slipway/models/<target>}.
 *
 * @param tar    what is copied
 * @param digest the tree's content hash (names, modes, contents, link targets; not times)
 */
record SourceTree(ContextTar tar, String digest) {

    /** @param modelTargets the models' normalised targets, already checked against the source */
    static SourceTree of(Path sourceDirectory, Set<String> modelTargets) {
        var tar = ContextTar.of(sourceDirectory);
        for (var target : modelTargets) {
            tar = tar.withLink(target, Layout.modelPath(target));
        }
        try {
            return new SourceTree(tar, tar.digest());
        } catch (UncheckedIOException e) {
            throw new BuildFailedException("cannot read the source: " + e.getCause().getMessage(), e);
        }
    }
}
