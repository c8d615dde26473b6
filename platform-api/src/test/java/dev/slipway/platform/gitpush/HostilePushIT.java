package dev.slipway.platform.gitpush;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.build.source.HostileTrees;
import dev.slipway.build.source.HostileTrees.Entry;
import dev.slipway.platform.support.AppRepository;
import dev.slipway.platform.support.AppRepository.PushOutcome;
import dev.slipway.platform.support.RunningSlipway;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Repositories written to do harm, pushed over git as an attacker with a deploy password would:
 * each push is refused with a message saying why, nothing is stored or written outside Slipway's
 * checkouts, and no file outside the repository is read.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostilePushIT {

    private static final String HELLO = "import http.server\nprint('hi')\n";

    @TempDir
    static Path home;

    @TempDir
    static Path work;

    private static Path outside;
    private RunningSlipway slipway;

    @BeforeAll
    void start() throws Exception {
        outside = Files.createDirectories(work.resolve("outside"));
        slipway = RunningSlipway.start(home, "process", Map.of("slipway.sources.max-file-size", "64KB",
                "slipway.sources.max-depth", "8"));
    }

    @AfterAll
    void stop() {
        if (slipway != null) {
            slipway.close();
        }
    }

    @Test
    void aTreeThatWritesThroughALinkIsRefusedAtPush() throws Exception {
        var push = push(Entry.link("Models", outside.toString()), Entry.tree("models", Entry.file("planted", "x\n")),
                Entry.file("app.py", HELLO));

        assertThat(push.accepted()).isFalse();
        assertThat(push.message()).as("refused by the object check, before anything is stored")
                .contains("duplicate entry names");
        assertThat(outside).as("nothing is written outside the checkout").isEmptyDirectory();
    }

    @Test
    void aTreeDeeperThanTheLimitIsRefusedAtPushSayingWhichSettingAllowsMore() throws Exception {
        var entry = Entry.file("leaf.txt", "deep\n");
        for (int i = 0; i < 9; i++) {
            entry = Entry.tree("d" + i, entry);
        }
        var push = push(Entry.file("app.py", HELLO), entry);

        assertThat(push.accepted()).isFalse();
        assertThat(push.text()).contains("Push refused: refusing the repository's entry \"d8/d7/d6/d5/d4/d3/d2/d1/d0/"
                + "leaf.txt\": it lies 9 directories deep; the limit is 8 (SLIPWAY_MAX_SOURCE_DEPTH)");
    }

    @Test
    void gitMetadataInAnyCaseIsRefusedBeforeItIsStored() throws Exception {
        var push = push(Entry.tree(".GIT", Entry.file("config", "[core]\n\thooksPath = /tmp\n")),
                Entry.file("app.py", HELLO));

        assertThat(push.accepted()).isFalse();
        assertThat(push.message() + push.text()).containsIgnoringCase(".git");
    }

    @Test
    void aFileOverTheSizeLimitIsRefusedBeforeItIsStored() throws Exception {
        var push = push(Entry.file("app.py", HELLO), Entry.file("model.bin", "0123456789abcdef".repeat(8192)));

        assertThat(push.accepted()).isFalse();
        assertThat(push.message() + push.text()).containsIgnoringCase("too large");
    }

    @Test
    void anApprunnerYamlLinkedToAHostFileIsNeverRead() throws Exception {
        var push = push(Entry.file("app.py", HELLO), Entry.link("apprunner.yaml", "/etc/passwd"));

        assertThat(push.accepted()).isFalse();
        assertThat(push.text()).doesNotContain("root:").contains("Push refused");
    }

    /** Creates a service and pushes a commit of the entries to it. */
    private PushOutcome push(Entry... entries) throws Exception {
        var service = "hostile-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(slipway.api().createService(service).status()).isEqualTo(201);
        var repository = AppRepository.empty(work.resolve(service));
        HostileTrees.commit(repository.repository(), "main", entries);
        return repository.push(slipway.gitUrl(service), RunningSlipway.TOKEN);
    }
}
