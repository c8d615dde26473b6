package dev.slipway.build.source;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.TreeFormatter;

/**
 * Commits built object by object, so a test can make the trees that git's own tools refuse to
 * write: duplicate names, links with entries under them, {@code .git} directories.
 */
public final class HostileTrees {

    private HostileTrees() {
    }

    /** One entry of a tree. */
    public record Entry(String name, FileMode mode, byte[] content, List<Entry> children) {

        public static Entry file(String name, String content) {
            return new Entry(name, FileMode.REGULAR_FILE, content.getBytes(StandardCharsets.UTF_8), List.of());
        }

        public static Entry link(String name, String target) {
            return new Entry(name, FileMode.SYMLINK, target.getBytes(StandardCharsets.UTF_8), List.of());
        }

        public static Entry tree(String name, Entry... children) {
            return new Entry(name, FileMode.TREE, new byte[0], List.of(children));
        }
    }

    /** Commits a tree of the entries, in the order given, onto {@code branch} (with no parent); returns the commit. */
    public static ObjectId commit(Repository repository, String branch, Entry... entries) throws IOException {
        try (var inserter = repository.newObjectInserter()) {
            var commit = new CommitBuilder();
            commit.setTreeId(insertTree(inserter, List.of(entries)));
            var ident = new PersonIdent("Mallory", "mallory@example.com");
            commit.setAuthor(ident);
            commit.setCommitter(ident);
            commit.setMessage("Nothing to see here\n");
            var id = inserter.insert(commit);
            inserter.flush();
            var update = repository.updateRef(Constants.R_HEADS + branch);
            update.setNewObjectId(id);
            update.setForceUpdate(true);
            var result = update.update();
            if (result != RefUpdate.Result.NEW && result != RefUpdate.Result.FORCED) {
                throw new IOException("cannot move " + branch + ": " + result);
            }
            return id;
        }
    }

    private static ObjectId insertTree(ObjectInserter inserter, List<Entry> entries) throws IOException {
        var formatter = new TreeFormatter();
        for (var entry : entries) {
            var id = entry.mode() == FileMode.TREE ? insertTree(inserter, entry.children())
                    : inserter.insert(Constants.OBJ_BLOB, entry.content());
            formatter.append(entry.name(), entry.mode(), id);
        }
        return inserter.insert(formatter);
    }
}
