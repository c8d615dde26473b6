package dev.slipway.platform.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;

/**
 * A user's working copy of an app: a real git repository whose commits are pushed to Slipway
 * over HTTP with JGit's client.
 */
public final class AppRepository {

    private final Path directory;
    private final Git git;

    private AppRepository(Path directory, Git git) {
        this.directory = directory;
        this.git = git;
    }

    /** A repository holding a copy of {@code examples/<example>}, committed once. */
    public static AppRepository fromExample(String example, Path directory) {
        return fromDirectory(Examples.directory(example), "Import " + example, directory);
    }

    /** An empty repository on branch main, for commits a test builds itself. */
    public static AppRepository empty(Path directory) {
        try {
            return new AppRepository(directory, Git.init().setInitialBranch("main").setDirectory(directory.toFile()).call());
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The git repository itself. */
    public org.eclipse.jgit.lib.Repository repository() {
        return git.getRepository();
    }

    /** A repository holding a copy of {@code test-apps/<app>}, committed once. */
    public static AppRepository fromTestApp(String app, Path directory) {
        return fromDirectory(Examples.testApp(app), "Import " + app, directory);
    }

    private static AppRepository fromDirectory(Path source, String message, Path directory) {
        try {
            try (var files = Files.walk(source)) {
                for (var file : files.filter(Files::isRegularFile).toList()) {
                    var target = directory.resolve(source.relativize(file).toString());
                    Files.createDirectories(target.getParent());
                    Files.copy(file, target);
                }
            }
            var git = Git.init().setInitialBranch("main").setDirectory(directory.toFile()).call();
            var repository = new AppRepository(directory, git);
            repository.commit(message);
            return repository;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A second working copy of the same history, as a teammate's clone. */
    public AppRepository cloneInto(Path other) {
        try {
            var clone = Git.cloneRepository().setURI(directory.toUri().toString()).setDirectory(other.toFile())
                    .setBranch("main").call();
            return new AppRepository(other, clone);
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    public Path directory() {
        return directory;
    }

    public AppRepository write(String path, String content) {
        try {
            var file = directory.resolve(path);
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public AppRepository delete(String path) {
        try {
            Files.deleteIfExists(directory.resolve(path));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces {@code from} with {@code to} in a file. */
    public AppRepository edit(String path, String from, String to) {
        try {
            var content = Files.readString(directory.resolve(path), StandardCharsets.UTF_8);
            if (!content.contains(from)) {
                throw new IllegalArgumentException(path + " does not contain " + from);
            }
            return write(path, content.replace(from, to));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String commit(String message) {
        try {
            git.add().addFilepattern(".").call();
            git.add().setUpdate(true).addFilepattern(".").call();
            return git.commit().setMessage(message).setAuthor("Dev", "dev@example.com")
                    .setCommitter("Dev", "dev@example.com").setAllowEmpty(true).call().name();
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Pushes HEAD to the remote's main branch with the given password. */
    public PushOutcome push(String url, String password) {
        return push(url, password, line -> { });
    }

    /**
     * Pushes HEAD to the remote's main branch; {@code onLine} sees each line of the server's
     * output as it arrives.
     */
    public PushOutcome push(String url, String password, Consumer<String> onLine) {
        var lines = new CopyOnWriteArrayList<String>();
        var out = new LineStream(line -> {
            lines.add(line);
            onLine.accept(line);
        });
        try {
            var results = git.push().setRemote(url).setRefSpecs(new RefSpec("HEAD:refs/heads/main"))
                    .setCredentialsProvider(new UsernamePasswordCredentialsProvider("slipway", password))
                    .setOutputStream(out).setForce(true).call();
            var update = results.iterator().next().getRemoteUpdate("refs/heads/main");
            out.flushLine();
            return new PushOutcome(update.getStatus(), update.getMessage(), List.copyOf(lines));
        } catch (GitAPIException e) {
            out.flushLine();
            return new PushOutcome(null, e.getMessage(), List.copyOf(lines));
        }
    }

    /**
     * How a push ended.
     *
     * @param status  the branch update's status; null when the push itself failed (e.g. 401)
     * @param message the server's reason for a rejected update, or the error
     * @param output  the lines the server sent while the push ran
     */
    public record PushOutcome(RemoteRefUpdate.Status status, String message, List<String> output) {

        public boolean accepted() {
            return status == RemoteRefUpdate.Status.OK;
        }

        public String text() {
            return String.join("\n", output);
        }
    }

    /** Splits the bytes git hands over into lines. */
    private static final class LineStream extends OutputStream {

        private final Consumer<String> sink;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        LineStream(Consumer<String> sink) {
            this.sink = sink;
        }

        @Override
        public synchronized void write(int b) {
            if (b == '\n' || b == '\r') {
                flushLine();
            } else {
                line.write(b);
            }
        }

        synchronized void flushLine() {
            if (line.size() > 0) {
                sink.accept(line.toString(StandardCharsets.UTF_8));
                line.reset();
            }
        }
    }
}
