package dev.slipway.build.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.errors.RevisionSyntaxException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.RepositoryCache;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.TagOpt;
import org.eclipse.jgit.util.FS;

/**
 * Fetches sources with JGit. A local repository (bare or not) is read in place; anything else
 * is treated as a URL and cloned bare into a scratch directory that is deleted afterwards. The
 * revision's files are written to the target without any {@code .git} metadata.
 */
public final class JGitSourceFetcher implements SourceFetcher {

    /** How long a network clone may wait for the remote without progress. */
    public static final Duration DEFAULT_TRANSPORT_TIMEOUT = Duration.ofMinutes(5);

    private static final String CLONE_PREFIX = "slipway-clone-";
    /** How many hex digits of a commit id messages show. */
    private static final int ABBREVIATED_LENGTH = 12;

    private final Path scratchDirectory;
    private final Duration transportTimeout;
    private final SourceLimits limits;

    /** Clones URLs into the system's temporary directory, with the default limits. */
    public JGitSourceFetcher() {
        this(SourceLimits.DEFAULTS);
    }

    /** Clones URLs into the system's temporary directory. */
    public JGitSourceFetcher(SourceLimits limits) {
        this(Path.of(System.getProperty("java.io.tmpdir")), DEFAULT_TRANSPORT_TIMEOUT, limits);
    }

    /**
     * @param scratchDirectory where URL clones are kept while their files are written out
     * @param transportTimeout how long a clone may wait for the remote without progress
     * @param limits           how much of a repository is taken
     */
    public JGitSourceFetcher(Path scratchDirectory, Duration transportTimeout, SourceLimits limits) {
        this.scratchDirectory = scratchDirectory;
        this.transportTimeout = transportTimeout;
        this.limits = limits;
    }

    @Override
    public FetchedSource fetch(SourceRequest request, Path target) {
        prepareTarget(target);
        var local = localGitDirectory(request.repository());
        if (local != null) {
            try (var repository = open(local, request)) {
                return checkOut(repository, request, target);
            }
        }
        Path clone = null;
        try {
            Files.createDirectories(scratchDirectory);
            clone = Files.createTempDirectory(scratchDirectory, CLONE_PREFIX);
            try (var git = cloneBare(request, clone)) {
                return checkOut(git.getRepository(), request, target);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare a clone of " + request.repository(), e);
        } finally {
            deleteQuietly(clone);
        }
    }

    private FetchedSource checkOut(Repository repository, SourceRequest request, Path target) {
        var commit = resolveCommit(repository, request);
        var writer = new GitTreeWriter(repository, target, limits);
        var sourcePath = GitTreeWriter.normalizeSourceDirectory(request.sourceDirectory());
        if (!writer.isDirectory(commit, sourcePath)) {
            throw new SourceFetchException("source directory \"" + sourcePath + "\" does not exist at commit "
                    + commit.abbreviate(ABBREVIATED_LENGTH).name() + " of " + request.repository()
                    + "; check the service's sourceDirectory");
        }
        writer.write(commit);
        var sourceDirectory = sourcePath.isEmpty() ? target : target.resolve(sourcePath);
        return new FetchedSource(commit.name(), sourceDirectory.toAbsolutePath().normalize(), commit.getShortMessage());
    }

    private static RevCommit resolveCommit(Repository repository, SourceRequest request) {
        var revision = request.revision() == null || request.revision().isBlank()
                ? Constants.HEAD : request.revision().strip();
        try (var walk = new RevWalk(repository)) {
            // Repository.resolve looks the name up as git does: tags, then branches, then
            // remote-tracking branches, then (abbreviated) commit ids.
            ObjectId id = repository.resolve(revision + "^{commit}");
            if (id == null) {
                throw new SourceFetchException("revision \"" + revision + "\" is not a commit, branch or tag of "
                        + request.repository());
            }
            return walk.parseCommit(id);
        } catch (RevisionSyntaxException | IOException e) {
            throw new SourceFetchException("revision \"" + revision + "\" cannot be resolved in "
                    + request.repository() + ": " + e.getMessage(), e);
        }
    }

    private static void prepareTarget(Path target) {
        try {
            Files.createDirectories(target);
            try (Stream<Path> entries = Files.list(target)) {
                if (entries.findAny().isPresent()) {
                    throw new IllegalArgumentException("target directory is not empty: " + target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare target directory " + target, e);
        }
    }

    /** The git directory of a local repository path, or null when the string is not one. */
    private static Path localGitDirectory(String repository) {
        Path path;
        try {
            path = Path.of(repository);
        } catch (RuntimeException e) {
            return null;
        }
        if (!Files.isDirectory(path)) {
            return null;
        }
        var gitDir = RepositoryCache.FileKey.resolve(path.toFile(), FS.DETECTED);
        return gitDir == null ? null : gitDir.toPath();
    }

    private static Repository open(Path gitDir, SourceRequest request) {
        try {
            return new FileRepositoryBuilder().setGitDir(gitDir.toFile()).setMustExist(true).build();
        } catch (IOException e) {
            throw new SourceFetchException("cannot open repository " + request.repository() + ": " + e.getMessage(), e);
        }
    }

    private Git cloneBare(SourceRequest request, Path directory) {
        try {
            return Git.cloneRepository()
                    .setURI(request.repository())
                    .setDirectory(directory.toFile())
                    .setBare(true)
                    .setCloneAllBranches(true)
                    .setTagOption(TagOpt.FETCH_TAGS)
                    .setTimeout((int) transportTimeout.toSeconds())
                    // Objects a server sends are checked as a push's are: malformed trees, .git names.
                    .setTransportConfigCallback(transport -> transport.setObjectChecker(SafeObjects.checker()))
                    .call();
        } catch (GitAPIException | RuntimeException e) {
            throw new SourceFetchException("cannot clone " + request.repository() + ": " + e.getMessage(), e);
        }
    }

    private static void deleteQuietly(Path directory) {
        if (directory == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // A leftover scratch clone only costs disk space; the fetch itself succeeded or failed already.
        }
    }
}
