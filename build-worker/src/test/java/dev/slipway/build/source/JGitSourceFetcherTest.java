package dev.slipway.build.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.transport.RefSpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JGitSourceFetcherTest {

    @TempDir
    Path temp;

    private Path work;
    private Path bare;
    private Git git;
    private final JGitSourceFetcher fetcher = new JGitSourceFetcher();

    @BeforeEach
    void createRepositories() throws Exception {
        work = temp.resolve("work");
        bare = temp.resolve("origin.git");
        git = Git.init().setDirectory(work.toFile()).setInitialBranch("main").call();
        try (var origin = Git.init().setBare(true).setDirectory(bare.toFile()).setInitialBranch("main").call()) {
            // A background gc after each push would race the deletion of the temporary directory.
            var config = origin.getRepository().getConfig();
            config.setBoolean("receive", null, "autogc", false);
            config.save();
        }
    }

    @Test
    void fetchesACommitByIdFromABareRepository() throws Exception {
        var first = commit("app.py", "print('v1')\n");
        var second = commit("app.py", "print('v2')\n");
        push();

        var fetched = fetcher.fetch(new SourceRequest(bare.toString(), first.name(), ""), temp.resolve("out"));

        assertThat(fetched.commit()).isEqualTo(first.name()).isNotEqualTo(second.name());
        assertThat(fetched.sourceDirectory()).isEqualTo(temp.resolve("out").toAbsolutePath());
        assertThat(fetched.sourceDirectory().resolve("app.py")).hasContent("print('v1')");
    }

    @Test
    void fetchesTheTipOfABranch() throws Exception {
        commit("app.py", "main\n");
        git.checkout().setCreateBranch(true).setName("feature").call();
        var tip = commit("app.py", "feature\n");
        git.checkout().setName("main").call();
        commit("other.txt", "later on main\n");
        push();

        var fetched = fetcher.fetch(new SourceRequest(bare.toString(), "feature", ""), temp.resolve("out"));

        assertThat(fetched.commit()).isEqualTo(tip.name());
        assertThat(fetched.sourceDirectory().resolve("app.py")).hasContent("feature");
        assertThat(fetched.sourceDirectory().resolve("other.txt")).doesNotExist();
    }

    @Test
    void fetchesAnAnnotatedTag() throws Exception {
        var tagged = commit("app.py", "release\n");
        git.tag().setName("v1.0").setAnnotated(true).setMessage("first release").call();
        commit("app.py", "after the release\n");
        push();

        var fetched = fetcher.fetch(new SourceRequest(bare.toString(), "v1.0", ""), temp.resolve("out"));

        assertThat(fetched.commit()).isEqualTo(tagged.name());
        assertThat(fetched.sourceDirectory().resolve("app.py")).hasContent("release");
    }

    @Test
    void clonesARepositoryUrlAndRemovesTheScratchClone() throws Exception {
        var tip = commit("app.py", "over a url\n");
        push();
        var scratch = Files.createDirectories(temp.resolve("scratch"));
        var urlFetcher = new JGitSourceFetcher(scratch, Duration.ofSeconds(30), SourceLimits.DEFAULTS);

        var fetched = urlFetcher.fetch(new SourceRequest(bare.toUri().toString(), "main", ""), temp.resolve("out"));

        assertThat(fetched.commit()).isEqualTo(tip.name());
        assertThat(fetched.sourceDirectory().resolve("app.py")).hasContent("over a url");
        assertThat(scratch).isEmptyDirectory();
    }

    @Test
    void readsANonBareLocalRepositoryInPlace() throws Exception {
        var tip = commit("app.py", "local\n");

        var fetched = fetcher.fetch(new SourceRequest(work.toString(), "main", ""), temp.resolve("out"));

        assertThat(fetched.commit()).isEqualTo(tip.name());
        assertThat(fetched.sourceDirectory().resolve("app.py")).hasContent("local");
    }

    @Test
    void writesFilesWithoutGitMetadataKeepingExecutableBitsAndSymlinks() throws Exception {
        write("bin/start.sh", "#!/bin/sh\necho started\n");
        Files.setPosixFilePermissions(work.resolve("bin/start.sh"), PosixFilePermissions.fromString("rwxr-xr-x"));
        write("README.md", "readme\n");
        Files.createSymbolicLink(work.resolve("start"), Path.of("bin/start.sh"));
        git.add().addFilepattern(".").call();
        git.commit().setMessage("files").call();
        push();

        var out = fetcher.fetch(new SourceRequest(bare.toString(), "main", ""), temp.resolve("out")).sourceDirectory();

        assertThat(out.resolve(".git")).doesNotExist();
        assertThat(Files.isExecutable(out.resolve("bin/start.sh"))).isTrue();
        assertThat(Files.isExecutable(out.resolve("README.md"))).isFalse();
        assertThat(Files.isSymbolicLink(out.resolve("start"))).isTrue();
        assertThat(Files.readSymbolicLink(out.resolve("start"))).isEqualTo(Path.of("bin/start.sh"));
    }

    @Test
    void resolvesTheSourceDirectoryInsideTheCheckout() throws Exception {
        commit("services/api/app.py", "api\n");
        push();

        var fetched = fetcher.fetch(new SourceRequest(bare.toString(), "main", "services/api/"), temp.resolve("out"));

        assertThat(fetched.sourceDirectory()).isEqualTo(temp.resolve("out/services/api").toAbsolutePath());
        assertThat(fetched.sourceDirectory().resolve("app.py")).hasContent("api");
    }

    @Test
    void aMissingSourceDirectoryIsReportedByName() throws Exception {
        commit("services/api/app.py", "api\n");
        push();

        assertThatThrownBy(() -> fetcher.fetch(new SourceRequest(bare.toString(), "main", "services/web"),
                temp.resolve("out")))
                .isInstanceOf(SourceFetchException.class)
                .hasMessageContaining("source directory \"services/web\" does not exist");
    }

    @Test
    void anUnknownRevisionIsReportedByName() throws Exception {
        commit("app.py", "x\n");
        push();

        assertThatThrownBy(() -> fetcher.fetch(new SourceRequest(bare.toString(), "no-such-branch", ""),
                temp.resolve("out")))
                .isInstanceOf(SourceFetchException.class)
                .hasMessageContaining("\"no-such-branch\"")
                .hasMessageContaining(bare.toString());
    }

    @Test
    void aRepositoryThatDoesNotExistIsReported() {
        var missing = temp.resolve("nowhere.git").toString();

        assertThatThrownBy(() -> fetcher.fetch(new SourceRequest(missing, "main", ""), temp.resolve("out")))
                .isInstanceOf(SourceFetchException.class)
                .hasMessageContaining(missing);
    }

    @Test
    void refusesATargetThatIsNotEmpty() throws Exception {
        commit("app.py", "x\n");
        var target = Files.createDirectories(temp.resolve("out"));
        Files.writeString(target.resolve("leftover"), "old");

        assertThatThrownBy(() -> fetcher.fetch(new SourceRequest(work.toString(), "main", ""), target))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not empty");
    }

    private RevCommit commit(String path, String content) throws Exception {
        write(path, content);
        git.add().addFilepattern(".").call();
        return git.commit().setMessage("change " + path).call();
    }

    private void write(String path, String content) throws IOException {
        var file = work.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    private void push() throws Exception {
        git.push().setRemote(bare.toUri().toString())
                .setRefSpecs(new RefSpec("refs/heads/*:refs/heads/*"), new RefSpec("refs/tags/*:refs/tags/*"))
                .call();
    }
}
