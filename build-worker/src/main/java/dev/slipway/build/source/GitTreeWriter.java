package dev.slipway.build.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Set;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * Writes the files of a commit into a directory: regular files (keeping the executable bit) and
 * symbolic links. Submodules become empty directories. The whole tree is checked first
 * ({@link TreeCheck}); then every file is created new, never through a link, in a directory whose
 * real path lies inside the target.
 */
final class GitTreeWriter {

    private static final String EXECUTABLE_PERMISSIONS = "rwxr-xr-x";
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static final Set<String> FORBIDDEN_SEGMENTS = Set.of("", ".", "..");

    private final Repository repository;
    private final Path target;
    private final SourceLimits limits;

    GitTreeWriter(Repository repository, Path target, SourceLimits limits) {
        this.repository = repository;
        this.target = target.toAbsolutePath().normalize();
        this.limits = limits;
    }

    /**
     * A source directory as a tree path: no leading or trailing slash, "" for the root.
     *
     * @throws SourceFetchException when it tries to leave the repository
     */
    static String normalizeSourceDirectory(String sourceDirectory) {
        if (sourceDirectory == null) {
            return "";
        }
        var path = sourceDirectory.strip().replace('\\', '/').replaceAll("/+", "/");
        path = path.replaceAll("^(\\./)+", "").replaceAll("^/|/$", "");
        if (path.equals(".")) {
            return "";
        }
        if (!path.isEmpty() && Arrays.stream(path.split("/")).anyMatch(FORBIDDEN_SEGMENTS::contains)) {
            throw new SourceFetchException("source directory \"" + sourceDirectory
                    + "\" must be a path inside the repository, without \".\" or \"..\" parts");
        }
        return path;
    }

    /** Whether {@code path} ("" for the root) names a directory in the commit's tree. */
    boolean isDirectory(RevCommit commit, String path) {
        if (path.isEmpty()) {
            return true;
        }
        try (var walk = TreeWalk.forPath(repository, path, commit.getTree())) {
            return walk != null && (walk.getRawMode(0) & FileMode.TYPE_MASK) == FileMode.TYPE_TREE;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the tree of " + commit.name(), e);
        }
    }

    /** @throws SourceFetchException when the tree breaks a rule of {@link TreeCheck} */
    void write(RevCommit commit) {
        new TreeCheck(repository, limits).check(commit);
        try (var walk = new TreeWalk(repository)) {
            walk.addTree(commit.getTree());
            walk.setRecursive(true);
            var realTarget = target.toRealPath();
            while (walk.next()) {
                var path = walk.getPathString();
                writeEntry(walk, path, destination(path, realTarget));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write commit " + commit.name() + " to " + target, e);
        }
    }

    private void writeEntry(TreeWalk walk, String path, Path destination) throws IOException {
        var mode = walk.getRawMode(0);
        switch (mode & FileMode.TYPE_MASK) {
            case FileMode.TYPE_FILE -> {
                try (var out = Files.newOutputStream(destination, StandardOpenOption.CREATE_NEW,
                        LinkOption.NOFOLLOW_LINKS)) {
                    repository.open(walk.getObjectId(0), Constants.OBJ_BLOB).copyTo(out);
                }
                if (POSIX && FileMode.EXECUTABLE_FILE.equals(mode)) {
                    Files.setPosixFilePermissions(destination, PosixFilePermissions.fromString(EXECUTABLE_PERMISSIONS));
                }
            }
            case FileMode.TYPE_SYMLINK -> {
                var link = repository.open(walk.getObjectId(0), Constants.OBJ_BLOB).getBytes();
                Files.createSymbolicLink(destination, Path.of(new String(link, StandardCharsets.UTF_8)));
            }
            case FileMode.TYPE_GITLINK -> Files.createDirectories(destination);
            default -> throw new IOException("unsupported entry " + path + " (mode "
                    + Integer.toOctalString(mode) + ")");
        }
    }

    private Path destination(String path, Path realTarget) throws IOException {
        if (Arrays.stream(path.split("/")).anyMatch(FORBIDDEN_SEGMENTS::contains)) {
            throw new SourceFetchException("refusing the unsafe path \"" + path + "\" in the repository");
        }
        var destination = target.resolve(path).normalize();
        if (!destination.startsWith(target)) {
            throw new SourceFetchException("refusing the path \"" + path + "\", which leaves the checkout");
        }
        // The tree check keeps links out of every parent; this holds even if the disk changed meanwhile.
        Files.createDirectories(destination.getParent());
        if (!destination.getParent().toRealPath().startsWith(realTarget)) {
            throw new SourceFetchException("refusing the path \"" + path + "\": its directory resolves outside the"
                    + " checkout");
        }
        return destination;
    }
}
