package dev.slipway.build.source;

import java.io.IOException;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * Checks a commit's whole tree before any of it is written: no {@code .git} entry in any case, no
 * two paths that one file system could take for the same (case or Unicode folding), nothing under
 * a symbolic link, and within the {@link SourceLimits}. So a checkout can never be made to write
 * through a link, over another entry, or outside its directory.
 */
public final class TreeCheck {

    private static final String GIT = ".git";

    private final Repository repository;
    private final SourceLimits limits;

    public TreeCheck(Repository repository, SourceLimits limits) {
        this.repository = repository;
        this.limits = limits;
    }

    /** @throws SourceFetchException naming the first entry that breaks a rule, and the rule */
    public void check(RevCommit commit) {
        var seen = new HashMap<String, String>();
        var links = new HashSet<String>();
        var files = 0;
        long total = 0;
        try (var walk = new TreeWalk(repository); var reader = repository.newObjectReader()) {
            walk.addTree(commit.getTree());
            walk.setRecursive(true);
            while (walk.next()) {
                var path = walk.getPathString();
                checkName(path);
                checkFolding(path, seen);
                if (walk.getDepth() > limits.maxDepth()) {
                    throw refused(path, "it lies " + walk.getDepth() + " directories deep; the limit is "
                            + limits.maxDepth() + " (SLIPWAY_MAX_SOURCE_DEPTH)");
                }
                var type = walk.getRawMode(0) & FileMode.TYPE_MASK;
                if (type == FileMode.TYPE_GITLINK) {
                    continue;
                }
                if (++files > limits.maxFiles()) {
                    throw refused(path, "the commit has more than " + limits.maxFiles()
                            + " files (SLIPWAY_MAX_SOURCE_FILES)");
                }
                var size = reader.getObjectSize(walk.getObjectId(0), Constants.OBJ_BLOB);
                if (size > limits.maxFileBytes()) {
                    throw refused(path, "it is " + size + " bytes; the limit is " + limits.maxFileBytes()
                            + " (SLIPWAY_MAX_FILE_SIZE); keep large models in S3 and list them under models:");
                }
                total += size;
                if (total > limits.maxTotalBytes()) {
                    throw refused(path, "the commit's files exceed " + limits.maxTotalBytes()
                            + " bytes together (SLIPWAY_MAX_SOURCE_SIZE)");
                }
                if (type == FileMode.TYPE_SYMLINK) {
                    links.add(fold(path));
                }
            }
            checkNothingUnderAnEntry(seen, links);
        } catch (IOException e) {
            throw new SourceFetchException("cannot read the tree of " + commit.name() + ": " + e.getMessage(), e);
        }
    }

    /** {@code .git} in any case, also as {@code .git.}, {@code .git } or {@code git~1} as some file systems read them. */
    private static void checkName(String path) {
        for (var segment : path.split("/")) {
            var trimmed = segment.replaceAll("[. ]+$", "").toLowerCase(Locale.ROOT);
            if (trimmed.equals(GIT) || trimmed.equals("git~1")) {
                throw refused(path, "entries named .git (in any case) are git's own and never part of an app");
            }
        }
    }

    private static void checkFolding(String path, Map<String, String> seen) {
        var earlier = seen.putIfAbsent(fold(path), path);
        if (earlier != null) {
            throw refused(path, "it is the same path as \"" + earlier + "\" on a case-insensitive or"
                    + " Unicode-normalising file system; rename one of them");
        }
    }

    /** No entry may lie under another: under a link it would be written where the link points. */
    private static void checkNothingUnderAnEntry(Map<String, String> seen, Set<String> links) {
        for (var entry : seen.entrySet()) {
            var folded = entry.getKey();
            for (int slash = folded.indexOf('/'); slash >= 0; slash = folded.indexOf('/', slash + 1)) {
                var above = seen.get(folded.substring(0, slash));
                if (above == null) {
                    continue;
                }
                throw refused(entry.getValue(), links.contains(folded.substring(0, slash))
                        ? "it lies under the symbolic link \"" + above + "\", through which it would be written"
                                + " wherever the link points"
                        : "it lies under \"" + above + "\", a file on a case-insensitive or Unicode-normalising file"
                                + " system; rename one of them");
            }
        }
    }

    /** How a case-insensitive, Unicode-normalising file system (macOS, Windows) sees a path. */
    static String fold(String path) {
        return Normalizer.normalize(path, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    }

    private static SourceFetchException refused(String path, String why) {
        return new SourceFetchException("refusing the repository's entry \"" + path + "\": " + why);
    }
}
