package dev.slipway.build.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.build.image.BuildLog;
import dev.slipway.build.model.s3.S3ArtifactStore;
import dev.slipway.config.ModelSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentCacheTest {

    private static final Duration A_WEEK = Duration.ofDays(7);
    private static final Duration LONGER_THAN_A_WEEK = Duration.ofDays(10);
    private static final AtomicInteger BUCKETS = new AtomicInteger();
    private static S3TestServer server;

    @TempDir
    Path directory;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T00:00:00Z"));
    private String bucket;
    private ContentCache cache;
    private S3ArtifactStore store;

    @BeforeAll
    static void startServer() {
        server = S3TestServer.start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void createStore() {
        bucket = "cache-" + BUCKETS.incrementAndGet();
        server.createBucket(bucket);
        cache = new ContentCache(directory, clock);
        store = new S3ArtifactStore(cache);
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void removesOnlyBlobsThatAreNeitherKeptNorRecentlyUsed() {
        server.put(bucket, "old.bin", "unused for ten days");
        server.put(bucket, "used.bin", "used again today");
        server.put(bucket, "kept.bin", "kept by a deployment");
        var old = fetch("old.bin");
        var used = fetch("used.bin");
        var kept = fetch("kept.bin");
        clock.advance(LONGER_THAN_A_WEEK);
        fetch("used.bin");

        var cleanup = cache.collectGarbage(Set.of(kept.sha256()), A_WEEK);

        assertThat(cleanup).isEqualTo(new CacheCleanup(1, old.size(), 1));
        assertThat(old.file()).doesNotExist();
        assertThat(used.file()).exists();
        assertThat(kept.file()).exists();
        assertThat(cache.blob(old.sha256())).isEmpty();
        assertThat(cache.blob(kept.sha256())).contains(kept.file());
    }

    @Test
    void aCollectedObjectIsDownloadedAgain() {
        server.put(bucket, "model.bin", "model");
        fetch("model.bin");
        clock.advance(LONGER_THAN_A_WEEK);
        cache.collectGarbage(Set.of(), A_WEEK);

        var again = store.fetch(List.of(source("model.bin")), server.access(), BuildLog.NULL);

        assertThat(again.downloadedBytes()).isEqualTo(5);
        assertThat(again.objects().get(0).file()).hasContent("model");
    }

    @Test
    void keepsWhatWasUsedWithinTheAge() {
        server.put(bucket, "model.bin", "model");
        var model = fetch("model.bin");
        clock.advance(Duration.ofDays(1));

        assertThat(cache.collectGarbage(Set.of(), A_WEEK)).isEqualTo(new CacheCleanup(0, 0, 0));
        assertThat(model.file()).exists();
    }

    @Test
    void aBlobSharedByTwoObjectsStaysWhileEitherIsUsed() {
        server.put(bucket, "first.bin", "same content");
        server.put(bucket, "second.bin", "same content");
        var first = fetch("first.bin");
        clock.advance(LONGER_THAN_A_WEEK);
        var second = fetch("second.bin");

        assertThat(second.file()).isEqualTo(first.file());
        assertThat(cache.collectGarbage(Set.of(), A_WEEK).removedBlobs()).isZero();
        assertThat(first.file()).exists();
    }

    @Test
    void removesAbandonedPartialDownloadsOnly() throws IOException {
        var abandoned = Files.writeString(directory.resolve("tmp/download-1.part"), "half");
        Files.setLastModifiedTime(abandoned, FileTime.from(clock.instant().minus(LONGER_THAN_A_WEEK)));
        var running = Files.writeString(directory.resolve("tmp/download-2.part"), "in progress");
        Files.setLastModifiedTime(running, FileTime.from(clock.instant()));

        cache.collectGarbage(Set.of(), A_WEEK);

        assertThat(abandoned).doesNotExist();
        assertThat(running).exists();
    }

    @Test
    void liveUnderSlipwayHome() {
        assertThat(ContentCache.underHome(directory).directory()).isEqualTo(directory.resolve("cache/models"));
    }

    private ModelObject fetch(String key) {
        return store.fetch(List.of(source(key)), server.access(), BuildLog.NULL).objects().get(0);
    }

    private ModelSource source(String key) {
        return new ModelSource("s3://" + bucket + "/" + key, key);
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
