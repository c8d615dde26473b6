package dev.slipway.build.model;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Optional;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import org.jclouds.blobstore.domain.MultipartPart;
import org.jclouds.blobstore.options.PutOptions;
import org.jclouds.io.Payloads;

/**
 * A real S3-compatible server (s3proxy over an in-memory store) on 127.0.0.1 and a random port,
 * with AWS signature authentication. Tests put objects through it directly, read the requests it
 * served, and can make it hold or corrupt downloads. Close it when done.
 */
public final class S3TestServer implements AutoCloseable {

    public static final String ACCESS_KEY_ID = "slipway-test-access";
    public static final String SECRET_ACCESS_KEY = "slipway-test-secret";
    public static final String REGION = StoreAccess.DEFAULT_REGION;
    /** jclouds' in-memory store; unlike s3proxy's transient-nio2 it keeps multipart ETags ({@code …-N}). */
    private static final String IN_MEMORY_STORE = "transient";
    private static final URI ANY_LOOPBACK_PORT = URI.create("http://127.0.0.1:0");

    private final BlobStoreContext context;
    private final ObservedBlobStore store;
    private final S3Proxy proxy;

    private S3TestServer(BlobStoreContext context, ObservedBlobStore store, S3Proxy proxy) {
        this.context = context;
        this.store = store;
        this.proxy = proxy;
    }

    /** Starts a server with no buckets. */
    public static S3TestServer start() {
        var context = ContextBuilder.newBuilder(IN_MEMORY_STORE)
                .credentials(ACCESS_KEY_ID, SECRET_ACCESS_KEY)
                .build(BlobStoreContext.class);
        var store = new ObservedBlobStore(context.getBlobStore());
        var proxy = S3Proxy.builder()
                .blobStore(store)
                .endpoint(ANY_LOOPBACK_PORT)
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY_ID, SECRET_ACCESS_KEY)
                .build();
        try {
            proxy.start();
        } catch (Exception e) {
            context.close();
            throw new IllegalStateException("s3proxy did not start: " + e.getMessage(), e);
        }
        return new S3TestServer(context, store, proxy);
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + proxy.getPort());
    }

    /** Access with the server's credentials. */
    public StoreAccess access() {
        return access(ACCESS_KEY_ID, SECRET_ACCESS_KEY);
    }

    /** Access with other credentials, e.g. wrong ones. */
    public StoreAccess access(String accessKeyId, String secretAccessKey) {
        return new StoreAccess(Optional.of(endpoint()), REGION, Optional.of(accessKeyId),
                Optional.of(secretAccessKey), Optional.empty());
    }

    public void createBucket(String bucket) {
        store.createContainerInLocation(null, bucket);
    }

    public void put(String bucket, String key, byte[] content) {
        store.putBlob(bucket, store.blobBuilder(key).payload(content).build());
    }

    public void put(String bucket, String key, String content) {
        put(bucket, key, content.getBytes(StandardCharsets.UTF_8));
    }

    /** Stores an object as a multipart upload of these parts, so its ETag ends in {@code -N}. */
    public void putMultipart(String bucket, String key, byte[]... parts) {
        var upload = store.initiateMultipartUpload(bucket, store.blobBuilder(key).build().getMetadata(),
                PutOptions.NONE);
        var uploaded = new ArrayList<MultipartPart>();
        for (int i = 0; i < parts.length; i++) {
            uploaded.add(store.uploadMultipartPart(upload, i + 1, Payloads.newByteArrayPayload(parts[i])));
        }
        store.completeMultipartUpload(upload, uploaded);
    }

    public void delete(String bucket, String key) {
        store.removeBlob(bucket, key);
    }

    /** The object's ETag, without quotes. */
    public String etag(String bucket, String key) {
        return context.getBlobStore().blobMetadata(bucket, key).getETag().replace("\"", "");
    }

    /** How many GET requests for the object the server has answered. */
    public int downloads(String bucket, String key) {
        return store.gets(bucket, key);
    }

    /** How many HEAD requests for the object the server has answered. */
    public int lookups(String bucket, String key) {
        return store.heads(bucket, key);
    }

    /** From now on, serves the object's content with one byte changed and its metadata unchanged. */
    public void corruptDownloads(String bucket, String key) {
        store.corrupt(bucket, key);
    }

    /** Makes every download wait until {@link #releaseDownloads()}. */
    public void holdDownloads() {
        store.hold();
    }

    public void releaseDownloads() {
        store.release();
    }

    @Override
    public void close() {
        store.release();
        try {
            proxy.stop();
        } catch (Exception e) {
            throw new IllegalStateException("s3proxy did not stop: " + e.getMessage(), e);
        } finally {
            context.close();
        }
    }
}
