package dev.slipway.platform.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.slipway.platform.runtime.Container;
import dev.slipway.platform.runtime.ContainerOutput.Stream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/** The application log store on a real directory: numbering, rotation, filters, followers. */
class AppLogsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant T0 = Instant.parse("2025-06-01T12:00:00Z");
    private static final Container WEB_A = new Container("c-a1", "web", "d1", "i-a", "127.0.0.1:1");
    private static final Container WEB_B = new Container("c-b1", "web", "d1", "i-b", "127.0.0.1:2");

    @TempDir
    Path directory;

    private final List<AppLogs> opened = new ArrayList<>();

    @AfterEach
    void closeAll() {
        opened.forEach(AppLogs::close);
    }

    @Test
    void storesEachLineWithItsInstanceContainerStreamAndTime() {
        var logs = open();

        logs.line(WEB_A, T0, Stream.STDOUT, "listening on 8080");
        logs.line(WEB_B, T0.plusSeconds(1), Stream.STDERR, "warning: slow disk");

        assertThat(logs.read("web", AppLogFilter.ALL)).containsExactly(
                new AppLogLine(1, T0, "i-a", "c-a1", "stdout", "listening on 8080"),
                new AppLogLine(2, T0.plusSeconds(1), "i-b", "c-b1", "stderr", "warning: slow disk"));
        assertThat(logs.read("other", AppLogFilter.ALL)).isEmpty();
    }

    @Test
    void numberingContinuesAfterReopening() {
        var first = open();
        write(first, WEB_A, 3);
        first.close();

        var second = open();
        second.line(WEB_A, T0, Stream.STDOUT, "after the restart");

        assertThat(second.read("web", AppLogFilter.ALL)).extracting(AppLogLine::seq).containsExactly(1L, 2L, 3L, 4L);
    }

    @Test
    void aLineCutShortWhenSlipwayStoppedIsSkippedAndTheNextLineStandsAlone() throws IOException {
        var first = open();
        write(first, WEB_A, 2);
        first.close();
        Files.writeString(directory.resolve("web/current.jsonl"), "{\"seq\":3,\"time\":\"2025-",
                StandardOpenOption.APPEND);

        var second = open();
        second.line(WEB_A, T0, Stream.STDOUT, "next");

        assertThat(second.read("web", AppLogFilter.ALL)).extracting(AppLogLine::seq, AppLogLine::text)
                .containsExactly(tuple(1L, "line 1"), tuple(2L, "line 2"), tuple(3L, "next"));
    }

    @Test
    void rotationKeepsAtMostAboutTwiceTheLimitAndAlwaysTheNewestLines() throws IOException {
        long limit = 4096;
        var logs = new AppLogs(directory, limit, JSON, 100);
        opened.add(logs);

        for (int i = 1; i <= 1000; i++) {
            logs.line(WEB_A, T0, Stream.STDOUT, "line " + i + " " + "x".repeat(i % 50));
            logs.read("web", AppLogFilter.ALL.withTail(1));
            assertThat(sizeOf(directory.resolve("web"))).isLessThanOrEqualTo(2 * limit + 300);
        }

        var kept = logs.read("web", AppLogFilter.ALL);
        assertThat(kept.get(kept.size() - 1).seq()).isEqualTo(1000);
        assertThat(kept.get(0).seq()).isGreaterThan(1);
        assertThat(kept).extracting(AppLogLine::seq).containsExactlyElementsOf(
                LongStream.rangeClosed(kept.get(0).seq(), 1000).boxed().toList());
        assertThat(sizeOf(directory.resolve("web"))).isGreaterThan(limit);
    }

    @Test
    void readersSeeALineAtOnceAndTheDiskWithinMoments() {
        var logs = open();

        logs.line(WEB_A, T0, Stream.STDOUT, "just written");

        assertThat(logs.read("web", AppLogFilter.ALL)).extracting(AppLogLine::text).containsExactly("just written");
        logs.line(WEB_A, T0, Stream.STDOUT, "written later");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(Files.readString(directory.resolve("web/current.jsonl"))).contains("written later"));
    }

    @Test
    void filtersByInstanceTimeTailAndPosition() {
        var logs = open();
        for (int i = 1; i <= 10; i++) {
            logs.line(i % 2 == 0 ? WEB_B : WEB_A, T0.plusSeconds(i), Stream.STDOUT, "line " + i);
        }

        assertThat(seqs(logs, AppLogFilter.ALL.withInstance("i-a"))).containsExactly(1L, 3L, 5L, 7L, 9L);
        assertThat(seqs(logs, AppLogFilter.ALL.withSince(T0.plusSeconds(8)))).containsExactly(8L, 9L, 10L);
        assertThat(seqs(logs, AppLogFilter.ALL.withTail(3))).containsExactly(8L, 9L, 10L);
        assertThat(seqs(logs, AppLogFilter.ALL.withAfterSeq(7))).containsExactly(8L, 9L, 10L);
        assertThat(seqs(logs, AppLogFilter.ALL.withInstance("i-b").withTail(2))).containsExactly(8L, 10L);
        assertThat(seqs(logs, AppLogFilter.ALL.withInstance("i-a").withSince(T0.plusSeconds(4)).withAfterSeq(5)))
                .containsExactly(7L, 9L);
        assertThat(seqs(logs, AppLogFilter.ALL.withInstance("i-gone"))).isEmpty();
    }

    @Test
    void aLongLineIsCutAndSaysSo() {
        var logs = open();

        logs.line(WEB_A, T0, Stream.STDOUT, "y".repeat(20_000));

        var text = logs.read("web", AppLogFilter.ALL).get(0).text();
        assertThat(text).startsWith("y".repeat(AppLog.MAX_TEXT_LENGTH))
                .doesNotContain("y".repeat(AppLog.MAX_TEXT_LENGTH + 1))
                .endsWith("[line cut: 3616 more characters not kept]");
    }

    @Test
    void aFollowerGetsTheStoredLinesThenEveryLaterLineExactlyOnce() throws Exception {
        var logs = open();
        write(logs, WEB_A, 50);
        var writer = Executors.newSingleThreadExecutor();
        try {
            var writing = writer.submit(() -> write(logs, WEB_A, 2000));
            var follower = new Recorder();

            logs.follow("web", AppLogFilter.ALL.withTail(10), follower);

            writing.get(30, TimeUnit.SECONDS);
            logs.line(WEB_A, T0, Stream.STDOUT, "after subscribing");
            await().atMost(Duration.ofSeconds(30)).until(() -> follower.seqs().contains(2051L));
            var seqs = follower.seqs();
            assertThat(seqs).containsExactlyElementsOf(LongStream.rangeClosed(seqs.get(0), 2051).boxed().toList());
            assertThat(seqs.get(0)).isBetween(41L, 2041L);
            assertThat(follower.lines.get(follower.lines.size() - 1).text()).isEqualTo("after subscribing");
        } finally {
            writer.shutdownNow();
        }
    }

    @Test
    void aFollowerOfOneInstanceGetsOnlyItsLines() {
        var logs = open();
        var follower = new Recorder();
        logs.follow("web", AppLogFilter.ALL.withInstance("i-b"), follower);

        logs.line(WEB_A, T0, Stream.STDOUT, "from a");
        logs.line(WEB_B, T0, Stream.STDOUT, "from b");
        logs.line(WEB_A, T0, Stream.STDOUT, "from a again");
        logs.line(WEB_B, T0, Stream.STDOUT, "from b again");

        await().atMost(Duration.ofSeconds(30)).until(() -> follower.lines.size() == 2);
        assertThat(follower.lines).extracting(AppLogLine::text).containsExactly("from b", "from b again");
    }

    @Test
    void aSlowFollowerIsDroppedWithoutHoldingUpWritersOrOtherFollowers() {
        var logs = new AppLogs(directory, 1 << 20, JSON, 10);
        opened.add(logs);
        var release = new CountDownLatch(1);
        var slow = new Recorder() {
            @Override
            public void line(AppLogLine line) {
                awaitQuietly(release);
                super.line(line);
            }
        };
        var fast = new Recorder();
        logs.follow("web", AppLogFilter.ALL, slow);
        logs.follow("web", AppLogFilter.ALL, fast);

        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            for (int i = 1; i <= 100; i++) {
                logs.line(WEB_A, T0, Stream.STDOUT, "line " + i);
                int written = i;
                await().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(2)).atMost(Duration.ofSeconds(10))
                        .until(() -> fast.lines.size() == written);
            }
        });
        release.countDown();

        await().atMost(Duration.ofSeconds(30)).until(slow.dropped::get);
        assertThat(slow.lines.size()).isLessThan(100);
        assertThat(fast.dropped).isFalse();
        logs.line(WEB_A, T0, Stream.STDOUT, "after the drop");
        await().atMost(Duration.ofSeconds(30)).until(() -> fast.lines.size() == 101);
        assertThat(slow.lines).extracting(AppLogLine::text).doesNotContain("after the drop");
    }

    @Test
    void lastLineTimeIsTheNewestOfTheContainersInstanceAlsoAfterReopening() {
        var logs = open();
        logs.line(WEB_A, T0.plusSeconds(5), Stream.STDOUT, "a");
        logs.line(WEB_B, T0.plusSeconds(7), Stream.STDOUT, "b");
        logs.line(WEB_A, T0.plusSeconds(9), Stream.STDERR, "a again");
        var restartedA = new Container("c-a2", "web", "d1", "i-a", "127.0.0.1:3");
        var elsewhere = new Container("c-z", "web", "d1", "i-z", "127.0.0.1:4");

        assertThat(logs.lastLineTime(restartedA)).contains(T0.plusSeconds(9));
        assertThat(logs.lastLineTime(WEB_B)).contains(T0.plusSeconds(7));
        assertThat(logs.lastLineTime(elsewhere)).isEmpty();
        logs.close();

        var reopened = open();
        assertThat(reopened.lastLineTime(restartedA)).contains(T0.plusSeconds(9));
        assertThat(reopened.lastLineTime(WEB_B)).contains(T0.plusSeconds(7));
    }

    @Test
    void concurrentWritersKeepEachServicesNumberingUniqueAndIncreasing() throws Exception {
        var logs = open();
        var pool = Executors.newFixedThreadPool(8);
        try {
            var writers = new ArrayList<Future<?>>();
            for (int t = 0; t < 8; t++) {
                var container = new Container("c" + t, t % 2 == 0 ? "web" : "api", "d1", "i" + t, "127.0.0.1:" + t);
                writers.add(pool.submit(() -> write(logs, container, 500)));
            }
            for (var writer : writers) {
                writer.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        for (var service : List.of("web", "api")) {
            var lines = logs.read(service, AppLogFilter.ALL);
            assertThat(lines).extracting(AppLogLine::seq)
                    .containsExactlyElementsOf(LongStream.rangeClosed(1, 2000).boxed().toList());
            assertThat(lines).filteredOn(l -> l.instance().equals(service.equals("web") ? "i0" : "i1"))
                    .extracting(AppLogLine::text).hasSize(500).endsWith("line 500");
        }
    }

    @Test
    void deletingALogRemovesItsFilesAndEndsItsFollowers() {
        var logs = open();
        write(logs, WEB_A, 3);
        var follower = new Recorder();
        logs.follow("web", AppLogFilter.ALL, follower);

        logs.delete("web");

        await().atMost(Duration.ofSeconds(30)).until(follower.ended::get);
        assertThat(directory.resolve("web")).doesNotExist();
        assertThat(logs.read("web", AppLogFilter.ALL)).isEmpty();
    }

    private AppLogs open() {
        var logs = new AppLogs(directory, 10 << 20, JSON, 100_000);
        opened.add(logs);
        return logs;
    }

    private static void write(AppLogs logs, Container container, int count) {
        for (int i = 1; i <= count; i++) {
            logs.line(container, T0.plusMillis(i), Stream.STDOUT, "line " + i);
        }
    }

    private static List<Long> seqs(AppLogs logs, AppLogFilter filter) {
        return logs.read("web", filter).stream().map(AppLogLine::seq).toList();
    }

    private static long sizeOf(Path directory) throws IOException {
        try (var files = Files.list(directory)) {
            long total = 0;
            for (var file : files.toList()) {
                total += Files.size(file);
            }
            return total;
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Records what a follower gets. */
    private static class Recorder implements LogFollower<AppLogLine> {

        final List<AppLogLine> lines = new CopyOnWriteArrayList<>();
        final AtomicBoolean dropped = new AtomicBoolean();
        final AtomicBoolean ended = new AtomicBoolean();

        @Override
        public void line(AppLogLine line) {
            lines.add(line);
        }

        @Override
        public void droppedBehind() {
            dropped.set(true);
        }

        @Override
        public void ended() {
            ended.set(true);
        }

        List<Long> seqs() {
            return lines.stream().map(AppLogLine::seq).toList();
        }
    }
}
