package dev.slipway.build.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.build.source.HostileTrees.Entry;
import dev.slipway.config.project.ProjectFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import org.eclipse.jgit.internal.storage.file.FileRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Repositories written to do harm, read as Slipway reads them: each is refused with a message
 * naming the entry and the rule, or contained, and nothing is ever written outside the checkout.
 */
class HostileRepositoryTest {

    @TempDir
    Path temp;

    private Path outside;
    private Path checkout;
    private FileRepository repository;

    @BeforeEach
    void createRepository() throws IOException {
        outside = Files.createDirectories(temp.resolve("outside"));
        checkout = temp.resolve("checkout");
        repository = new FileRepository(temp.resolve("hostile.git").toFile());
        repository.create(true);
    }

    @Test
    void aLinkAndAnEntryUnderItsOtherCaseAreRefused() throws Exception {
        commit(Entry.link("A", outside.toString()), Entry.tree("a", Entry.file("planted", "owned\n")));

        assertRefused("refusing the repository's entry \"a/planted\": it lies under the symbolic link \"A\"");
    }

    @Test
    void aLinkAndATreeOfTheSameNameAreRefused() throws Exception {
        commit(Entry.link("a", outside.toString()), Entry.tree("a", Entry.file("planted", "owned\n")));

        assertRefused("refusing the repository's entry \"a/planted\": it lies under the symbolic link \"a\"");
    }

    @Test
    void aHostileTreeFetchedFromAUrlIsRefusedByTheObjectCheckBeforeACheckout() throws Exception {
        commit(Entry.link("a", outside.toString()), Entry.tree("a", Entry.file("planted", "owned\n")));
        var url = repository.getDirectory().toPath().toUri().toString();

        assertThatThrownBy(() -> new JGitSourceFetcher(temp.resolve("scratch"),
                JGitSourceFetcher.DEFAULT_TRANSPORT_TIMEOUT, SourceLimits.DEFAULTS)
                .fetch(new SourceRequest(url, "main", ""), checkout))
                .isInstanceOf(SourceFetchException.class)
                .hasMessageContaining("cannot clone " + url).hasMessageContaining("duplicate entry names");
        assertThat(outside).isEmptyDirectory();
    }

    @Test
    void twoEntriesOfOneNameAreRefused() throws Exception {
        commit(Entry.file("app.py", "print('first')\n"), Entry.file("app.py", "print('second')\n"));

        assertRefused("refusing the repository's entry \"app.py\": it is the same path as \"app.py\"");
    }

    @Test
    void namesThatUnicodeNormalisationMakesOneAreRefused() throws Exception {
        var composed = Normalizer.normalize("café.py", Normalizer.Form.NFC);
        var decomposed = Normalizer.normalize("café.py", Normalizer.Form.NFD);
        commit(Entry.file(composed, "a\n"), Entry.file(decomposed, "b\n"));

        assertRefused("on a case-insensitive or Unicode-normalising file system");
    }

    @Test
    void gitEntriesInAnyCaseAreRefused() throws Exception {
        commit(Entry.tree(".GIT", Entry.file("config", "[core]\n\thooksPath = /tmp\n")), Entry.file("app.py", "x\n"));
        assertRefused("refusing the repository's entry \".GIT/config\": entries named .git");

        createRepository2();
        commit(Entry.tree("vendor", Entry.tree(".git", Entry.file("HEAD", "ref: refs/heads/main\n"))));
        assertRefused("refusing the repository's entry \"vendor/.git/HEAD\"");
    }

    @Test
    void aLinkedApprunnerYamlIsNeverReadThroughItsLink() throws Exception {
        commit(Entry.link("apprunner.yaml", "/etc/passwd"), Entry.file("app.py", "print('hi')\n"));

        var fetched = fetch(SourceLimits.DEFAULTS);

        assertThat(Files.isSymbolicLink(fetched.resolve("apprunner.yaml"))).isTrue();
        assertThat(ProjectFiles.of(fetched).read("apprunner.yaml")).as("a link is not a project file").isEmpty();
        assertThat(ProjectFiles.of(fetched).read("app.py")).contains("print('hi')\n");
    }

    @Test
    void aFileOverTheSizeLimitIsRefusedBeforeAnythingIsWritten() throws Exception {
        commit(Entry.file("app.py", "print('hi')\n"), Entry.file("model.bin", "x".repeat(4096)));

        assertThatThrownBy(() -> fetch(new SourceLimits(100, 1024, 1 << 20, 10)))
                .isInstanceOf(SourceFetchException.class)
                .hasMessage("refusing the repository's entry \"model.bin\": it is 4096 bytes; the limit is 1024"
                        + " (SLIPWAY_MAX_FILE_SIZE); keep large models in S3 and list them under models:");
        assertThat(checkout.resolve("app.py")).doesNotExist();
    }

    @Test
    void filesTogetherOverTheTotalLimitAreRefused() throws Exception {
        commit(Entry.file("a.bin", "a".repeat(800)), Entry.file("b.bin", "b".repeat(800)), Entry.file("c.bin",
                "c".repeat(800)));

        assertThatThrownBy(() -> fetch(new SourceLimits(100, 1024, 2000, 10)))
                .hasMessage("refusing the repository's entry \"c.bin\": the commit's files exceed 2000 bytes together"
                        + " (SLIPWAY_MAX_SOURCE_SIZE)");
        assertThat(checkout.resolve("a.bin")).as("refused before anything is written").doesNotExist();
    }

    @Test
    void moreFilesThanTheLimitAreRefused() throws Exception {
        var files = new ArrayList<Entry>();
        for (int i = 0; i < 101; i++) {
            files.add(Entry.file(String.format("f%03d", i), ""));
        }
        commit(files.toArray(Entry[]::new));

        assertThatThrownBy(() -> fetch(new SourceLimits(100, 1024, 1 << 20, 10)))
                .hasMessageContaining("the commit has more than 100 files (SLIPWAY_MAX_SOURCE_FILES)");
    }

    @Test
    void aTreeDeeperThanTheLimitIsRefused() throws Exception {
        var entry = Entry.file("leaf", "deep\n");
        for (int i = 0; i < 12; i++) {
            entry = Entry.tree("d", entry);
        }
        commit(entry);

        assertThatThrownBy(() -> fetch(new SourceLimits(100, 1024, 1 << 20, 10)))
                .hasMessageContaining("directories deep; the limit is 10 (SLIPWAY_MAX_SOURCE_DEPTH)");
    }

    private void assertRefused(String message) {
        assertThatThrownBy(() -> fetch(SourceLimits.DEFAULTS)).isInstanceOf(SourceFetchException.class)
                .hasMessageContaining(message);
        assertThat(outside).as("nothing is written outside the checkout").isEmptyDirectory();
    }

    private Path fetch(SourceLimits limits) {
        return new JGitSourceFetcher(temp.resolve("scratch"), JGitSourceFetcher.DEFAULT_TRANSPORT_TIMEOUT, limits)
                .fetch(new SourceRequest(repository.getDirectory().toString(), "main", ""), checkout).sourceDirectory();
    }

    private void createRepository2() throws IOException {
        repository.close();
        checkout = temp.resolve("checkout-2");
        repository = new FileRepository(temp.resolve("hostile-2.git").toFile());
        repository.create(true);
    }

    private void commit(Entry... entries) throws IOException {
        HostileTrees.commit(repository, "main", entries);
        repository.updateRef("HEAD").link("refs/heads/main");
    }
}
