package dev.slipway.build.model.s3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.build.model.ObjectIdentity;
import dev.slipway.build.model.S3TestServer;
import dev.slipway.config.ModelSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class S3ObjectStoreTest {

    private static final String BUCKET = "listing";
    private static final int SMALL_PAGES = 2;
    private static S3TestServer server;
    private static S3Clients clients;

    @BeforeAll
    static void start() {
        server = S3TestServer.start();
        server.createBucket(BUCKET);
        clients = new S3Clients();
    }

    @AfterAll
    static void stop() {
        clients.close();
        server.close();
    }

    @Test
    void listsEveryPageOfAPrefixWithoutDirectoryMarkers() {
        server.put(BUCKET, "paged/", new byte[0]);
        for (var key : new String[] {"paged/1", "paged/2", "paged/3/", "paged/3/a", "paged/4", "paged/5"}) {
            server.put(BUCKET, key, key.endsWith("/") ? "" : key);
        }
        server.put(BUCKET, "pagedness", "not under the prefix");

        var objects = store().resolve(new ModelSource("s3://" + BUCKET + "/paged/", "models"));

        assertThat(objects).extracting(ObjectIdentity::key)
                .containsExactly("paged/1", "paged/2", "paged/3/a", "paged/4", "paged/5");
        assertThat(objects).allSatisfy(object -> {
            assertThat(object.endpoint()).isEqualTo(server.endpoint().toString());
            assertThat(object.size()).isEqualTo(object.key().length());
            assertThat(object.etag()).isEqualTo(server.etag(BUCKET, object.key()));
            assertThat(object.versionId()).isEmpty();
        });
    }

    @Test
    void describesOneKeyByItsHead() {
        server.put(BUCKET, "single/model.bin", "twelve bytes");

        var objects = store().resolve(new ModelSource("s3://" + BUCKET + "/single/model.bin", "model.bin"));

        assertThat(objects).containsExactly(new ObjectIdentity(server.endpoint().toString(), BUCKET,
                "single/model.bin", Optional.empty(), server.etag(BUCKET, "single/model.bin"), 12));
    }

    @Test
    void downloadsAndDeclaresTheMd5OfASinglePartObject() throws IOException {
        server.put(BUCKET, "download/model.bin", "content");
        var object = store().resolve(new ModelSource("s3://" + BUCKET + "/download/model.bin", "m")).get(0);
        var out = new ByteArrayOutputStream();
        var connection = clients.forAccess(server.access());

        var declared = new S3ObjectStore(connection, server.access()).download(object, out);

        assertThat(out.toString()).isEqualTo("content");
        assertThat(declared.md5()).contains(server.etag(BUCKET, "download/model.bin"));
        assertThat(connection.checksumMode()).as("s3proxy answers 501 to x-amz-checksum-mode").isFalse();
    }

    private static S3ObjectStore store() {
        return new S3ObjectStore(clients.forAccess(server.access()), server.access(), SMALL_PAGES);
    }
}
