package dev.slipway.build.model.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.slipway.build.RecordingLog;
import dev.slipway.build.image.BuildLog;
import dev.slipway.build.model.ContentCache;
import dev.slipway.build.model.ModelFetchException;
import dev.slipway.build.model.ModelObject;
import dev.slipway.build.model.ModelSet;
import dev.slipway.build.model.S3TestServer;
import dev.slipway.build.model.StoreAccess;
import dev.slipway.config.ModelSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class S3ArtifactStoreTest {

    private static final AtomicInteger BUCKETS = new AtomicInteger();
    private static S3TestServer server;

    @TempDir
    Path cacheDirectory;
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
    void createBucketAndStore() {
        bucket = "models-" + BUCKETS.incrementAndGet();
        server.createBucket(bucket);
        cache = new ContentCache(cacheDirectory);
        store = new S3ArtifactStore(cache);
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void fetchesOneObjectToItsTarget() throws IOException {
        var content = bytes("weights of a sentiment model");
        server.put(bucket, "sentiment/v1/model.pkl", content);
        var log = new RecordingLog();

        var models = fetch(log, model("sentiment/v1/model.pkl", "models/model.pkl"));

        assertThat(models.objects()).singleElement().satisfies(object -> {
            assertThat(object.uri()).isEqualTo("s3://" + bucket + "/sentiment/v1/model.pkl");
            assertThat(object.target()).isEqualTo("models/model.pkl");
            assertThat(object.version()).isEqualTo(server.etag(bucket, "sentiment/v1/model.pkl"));
            assertThat(object.sha256()).isEqualTo(sha256(content));
            assertThat(object.size()).isEqualTo(content.length);
            assertThat(object.file()).hasBinaryContent(content).startsWith(cacheDirectory);
            assertThat(Files.getPosixFilePermissions(object.file())).containsOnly(
                    PosixFilePermission.OWNER_READ, PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ);
        });
        assertThat(models.downloadedBytes()).isEqualTo(content.length);
        assertThat(log.entries()).singleElement().satisfies(line -> {
            assertThat(line.phase()).isEqualTo("models");
            assertThat(line.stream()).isEqualTo(BuildLog.Stream.SYSTEM);
            assertThat(line.text()).startsWith("downloaded s3://" + bucket + "/sentiment/v1/model.pkl -> models/model.pkl")
                    .contains("28 B", sha256(content).substring(0, 12));
        });
    }

    @Test
    void fetchesEveryObjectUnderAPrefixAndSkipsDirectoryMarkers() {
        server.put(bucket, "sentiment/", new byte[0]);
        server.put(bucket, "sentiment/config.json", "{}");
        server.put(bucket, "sentiment/tokenizer/", new byte[0]);
        server.put(bucket, "sentiment/tokenizer/vocab.txt", "hello\nworld\n");
        server.put(bucket, "other/readme.txt", "not part of the model");

        var models = fetch(model("sentiment/", "models/sentiment"));

        assertThat(models.objects()).extracting(ModelObject::target)
                .containsExactly("models/sentiment/config.json", "models/sentiment/tokenizer/vocab.txt");
        assertThat(models.objects()).extracting(ModelObject::uri)
                .containsExactly("s3://" + bucket + "/sentiment/config.json", "s3://" + bucket + "/sentiment/tokenizer/vocab.txt");
        assertThat(models.downloadedBytes()).isEqualTo(2 + 12);
    }

    @Test
    void aBucketAloneIsAPrefix() {
        server.put(bucket, "a.txt", "a");
        server.put(bucket, "b/c.txt", "c");

        var models = fetch(new ModelSource("s3://" + bucket, "data"));

        assertThat(models.objects()).extracting(ModelObject::target).containsExactly("data/a.txt", "data/b/c.txt");
    }

    @Test
    void aSecondFetchDownloadsNothingAndReturnsTheSameFiles() {
        server.put(bucket, "model.bin", bytes("model"));
        server.put(bucket, "dir/one.bin", bytes("one"));
        var sources = List.of(model("model.bin", "model.bin"), model("dir/", "dir"));
        var first = fetch(sources);
        var log = new RecordingLog();

        var second = store.fetch(sources, server.access(), log);

        assertThat(second.downloadedBytes()).isZero();
        assertThat(second.objects()).isEqualTo(first.objects());
        assertThat(second.digest()).isEqualTo(first.digest());
        assertThat(server.downloads(bucket, "model.bin")).isEqualTo(1);
        assertThat(log.texts()).allSatisfy(text -> assertThat(text).startsWith("cached "));
    }

    @Test
    void anotherStoreOnTheSameCacheDirectoryDownloadsNothing() {
        server.put(bucket, "model.bin", bytes("model"));
        var first = fetch(model("model.bin", "model.bin"));

        try (var restarted = new S3ArtifactStore(new ContentCache(cacheDirectory))) {
            var second = restarted.fetch(List.of(model("model.bin", "model.bin")), server.access(), BuildLog.NULL);

            assertThat(second.downloadedBytes()).isZero();
            assertThat(second.objects()).isEqualTo(first.objects());
        }
    }

    @Test
    void aChangedObjectIsDownloadedAgainUnderANewSha256() {
        server.put(bucket, "model.bin", bytes("version one"));
        var first = fetch(model("model.bin", "model.bin")).objects().get(0);
        server.put(bucket, "model.bin", bytes("version two!"));

        var second = fetch(model("model.bin", "model.bin"));

        var changed = second.objects().get(0);
        assertThat(second.downloadedBytes()).isEqualTo(12);
        assertThat(changed.sha256()).isEqualTo(sha256(bytes("version two!"))).isNotEqualTo(first.sha256());
        assertThat(changed.version()).isNotEqualTo(first.version());
        assertThat(changed.file()).hasContent("version two!");
        assertThat(first.file()).hasContent("version one");
    }

    @Test
    void concurrentFetchesOfTheSameObjectDownloadItOnce() throws Exception {
        var content = bytes("x".repeat(100_000));
        server.put(bucket, "big.bin", content);
        int builds = 4;
        server.holdDownloads();
        var executor = Executors.newFixedThreadPool(builds);
        try {
            var fetches = IntStream.range(0, builds)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> fetch(model("big.bin", "big.bin")), executor))
                    .toList();
            await().atMost(Duration.ofSeconds(30)).until(() -> server.lookups(bucket, "big.bin") >= builds
                    && server.downloads(bucket, "big.bin") == 1);
            server.releaseDownloads();

            var results = fetches.stream().map(CompletableFuture::join).toList();

            assertThat(results).extracting(ModelSet::downloadedBytes).containsOnly(0L, (long) content.length)
                    .filteredOn(bytes -> bytes > 0).hasSize(1);
            assertThat(results).extracting(set -> set.objects().get(0).file()).containsOnly(results.get(0).objects().get(0).file());
            assertThat(server.downloads(bucket, "big.bin")).isEqualTo(1);
        } finally {
            server.releaseDownloads();
            executor.shutdownNow();
        }
    }

    @Test
    void aDownloadThatDoesNotMatchItsEtagFailsAndLeavesNothingBehind() throws IOException {
        server.put(bucket, "tampered.bin", bytes("the real content"));
        server.corruptDownloads(bucket, "tampered.bin");

        assertThatThrownBy(() -> fetch(model("tampered.bin", "model.bin")))
                .isInstanceOf(ModelFetchException.class)
                .hasMessageContaining("s3://" + bucket + "/tampered.bin")
                .hasMessageContaining("failed verification")
                .hasMessageContaining("its ETag says MD5 " + server.etag(bucket, "tampered.bin"));
        assertThat(filesUnder(cacheDirectory)).allSatisfy(file -> assertThat(file.toString()).endsWith(".lock"));
    }

    @Test
    void aCachedFileOfTheWrongSizeIsDownloadedAgain() throws IOException {
        server.put(bucket, "model.bin", bytes("complete content"));
        var cached = fetch(model("model.bin", "model.bin")).objects().get(0);
        cached.file().toFile().setWritable(true);
        Files.write(cached.file(), bytes("trunc"));

        var again = fetch(model("model.bin", "model.bin"));

        assertThat(again.downloadedBytes()).isEqualTo(16);
        assertThat(again.objects().get(0).file()).isEqualTo(cached.file()).hasContent("complete content");
    }

    @Test
    void aMultipartObjectIsFetchedWholeAndKeepsItsEtagAsVersion() {
        var part = bytes("p".repeat(1024));
        server.putMultipart(bucket, "sharded.bin", part, part, bytes("end"));
        var etag = server.etag(bucket, "sharded.bin");

        var object = fetch(model("sharded.bin", "model.bin")).objects().get(0);

        assertThat(etag).endsWith("-3");
        assertThat(object.version()).isEqualTo(etag);
        assertThat(object.size()).isEqualTo(2 * 1024 + 3);
        assertThat(object.sha256()).isEqualTo(sha256(bytes("p".repeat(2048) + "end")));
    }

    @Test
    void noModelsMeansNoRequests() {
        assertThat(store.fetch(List.of(), server.access(), BuildLog.NULL)).isEqualTo(ModelSet.EMPTY);
    }

    @Test
    void aMissingBucketIsNamed() {
        assertThatThrownBy(() -> fetch(new ModelSource("s3://no-such-bucket/model.bin", "model.bin")))
                .isInstanceOf(ModelFetchException.class)
                .hasMessageContaining("the bucket no-such-bucket of s3://no-such-bucket/model.bin does not exist at "
                        + server.endpoint())
                .hasMessageContaining("fix the bucket name");
        assertThatThrownBy(() -> fetch(new ModelSource("s3://no-such-bucket/models/", "models")))
                .isInstanceOf(ModelFetchException.class)
                .hasMessageContaining("the bucket no-such-bucket of s3://no-such-bucket/models/ does not exist");
    }

    @Test
    void aMissingKeyIsNamed() {
        assertThatThrownBy(() -> fetch(model("nothing/here.bin", "model.bin")))
                .isInstanceOf(ModelFetchException.class)
                .hasMessageContaining("there is no object s3://" + bucket + "/nothing/here.bin at " + server.endpoint())
                .hasMessageContaining("check the key");
    }

    @Test
    void aKeyThatIsAFolderSuggestsTheTrailingSlash() {
        server.put(bucket, "sentiment/model.bin", "m");

        assertThatThrownBy(() -> fetch(model("sentiment", "models")))
                .isInstanceOf(ModelFetchException.class)
                .hasMessageContaining("s3://" + bucket + "/sentiment is a folder, not an object; write s3://"
                        + bucket + "/sentiment/ (with a trailing slash)");
    }

    @Test
    void anEmptyPrefixIsNamed() {
        server.put(bucket, "sentiment/", new byte[0]);

        assertThatThrownBy(() -> fetch(model("sentiment/", "models")))
                .isInstanceOf(ModelFetchException.class)
                .hasMessageContaining("there are no objects under s3://" + bucket + "/sentiment/");
    }

    @Test
    void wrongCredentialsSayWhichOneToCheck() {
        server.put(bucket, "model.bin", "m");
        var wrongSecret = server.access(S3TestServer.ACCESS_KEY_ID, "not-the-secret");
        var unknownKey = server.access("nobody", S3TestServer.SECRET_ACCESS_KEY);

        for (var source : List.of(model("model.bin", "model.bin"), model("", "all"))) {
            assertThatThrownBy(() -> store.fetch(List.of(source), wrongSecret, BuildLog.NULL))
                    .isInstanceOf(ModelFetchException.class)
                    .hasMessageContaining(source.source())
                    .hasMessageContaining("AWS_SECRET_ACCESS_KEY")
                    .hasMessageNotContaining("not-the-secret");
            assertThatThrownBy(() -> store.fetch(List.of(source), unknownKey, BuildLog.NULL))
                    .isInstanceOf(ModelFetchException.class)
                    .hasMessageContaining(source.source())
                    .hasMessageContaining("AWS_ACCESS_KEY_ID");
        }
    }

    @Test
    void anonymousAccessToAPrivateStoreIsDenied() {
        server.put(bucket, "model.bin", "m");
        var anonymous = new StoreAccess(Optional.of(server.endpoint()), S3TestServer.REGION, Optional.empty(),
                Optional.empty(), Optional.empty());

        assertThatThrownBy(() -> store.fetch(List.of(model("model.bin", "model.bin")), anonymous, BuildLog.NULL))
                .isInstanceOf(ModelFetchException.class)
                .hasMessageContaining("anonymous access to s3://" + bucket + "/model.bin was denied")
                .hasMessageContaining("set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY");
    }

    @Test
    void aKeyWithoutASecretIsRefusedBeforeAnyRequest() {
        var halfSet = new StoreAccess(Optional.of(server.endpoint()), S3TestServer.REGION,
                Optional.of(S3TestServer.ACCESS_KEY_ID), Optional.empty(), Optional.empty());

        assertThatThrownBy(() -> store.fetch(List.of(model("model.bin", "model.bin")), halfSet, BuildLog.NULL))
                .isInstanceOf(ModelFetchException.class)
                .hasMessageContaining("only one of AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY is set");
    }

    @Test
    void objectsLandingOnTheSamePathCollide() {
        server.put(bucket, "a/model.bin", "a");
        server.put(bucket, "b/model.bin", "b");

        assertThatThrownBy(() -> fetch(List.of(model("a/", "models"), model("b/", "models"))))
                .isInstanceOf(ModelFetchException.class)
                .hasMessageContaining("both land on models/model.bin");
    }

    private ModelSource model(String key, String target) {
        return new ModelSource("s3://" + bucket + "/" + key, target);
    }

    private ModelSet fetch(ModelSource source) {
        return fetch(List.of(source));
    }

    private ModelSet fetch(RecordingLog log, ModelSource source) {
        return store.fetch(List.of(source), server.access(), log);
    }

    private ModelSet fetch(List<ModelSource> sources) {
        return store.fetch(sources, server.access(), BuildLog.NULL);
    }

    private static List<Path> filesUnder(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
