package dev.slipway.build.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.domain.Blob;
import org.jclouds.blobstore.domain.BlobMetadata;
import org.jclouds.blobstore.options.GetOptions;
import org.jclouds.blobstore.util.ForwardingBlobStore;

/**
 * A blob store that counts what the S3 server asks of it, and can hold or corrupt downloads: the
 * middleware behind {@link S3TestServer}.
 */
final class ObservedBlobStore extends ForwardingBlobStore {

    private static final long HOLD_LIMIT_SECONDS = 60;

    private final Map<String, AtomicInteger> gets = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> heads = new ConcurrentHashMap<>();
    private final Set<String> corrupted = ConcurrentHashMap.newKeySet();
    private volatile CountDownLatch held = new CountDownLatch(0);

    ObservedBlobStore(BlobStore delegate) {
        super(delegate);
    }

    int gets(String container, String name) {
        return gets.getOrDefault(container + "/" + name, new AtomicInteger()).get();
    }

    int heads(String container, String name) {
        return heads.getOrDefault(container + "/" + name, new AtomicInteger()).get();
    }

    void corrupt(String container, String name) {
        corrupted.add(container + "/" + name);
    }

    void hold() {
        held = new CountDownLatch(1);
    }

    void release() {
        held.countDown();
    }

    @Override
    public BlobMetadata blobMetadata(String container, String name) {
        heads.computeIfAbsent(container + "/" + name, k -> new AtomicInteger()).incrementAndGet();
        return super.blobMetadata(container, name);
    }

    @Override
    public Blob getBlob(String container, String name) {
        return getBlob(container, name, GetOptions.NONE);
    }

    @Override
    public Blob getBlob(String container, String name, GetOptions options) {
        var id = container + "/" + name;
        gets.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
        awaitRelease();
        var blob = super.getBlob(container, name, options);
        return blob != null && corrupted.contains(id) ? flipFirstByte(blob) : blob;
    }

    private void awaitRelease() {
        try {
            if (!held.await(HOLD_LIMIT_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException("downloads were held and never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The same blob and metadata (ETag included) with different content of the same size. */
    private static Blob flipFirstByte(Blob blob) {
        try (var in = blob.getPayload().openStream()) {
            var content = in.readAllBytes();
            if (content.length > 0) {
                content[0] ^= 0x55;
            }
            var metadata = blob.getPayload().getContentMetadata();
            blob.setPayload(content);
            blob.getPayload().getContentMetadata().setContentType(metadata.getContentType());
            return blob;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
