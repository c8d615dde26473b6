package dev.slipway.build.model.s3;

import dev.slipway.build.image.BuildLog;
import dev.slipway.build.model.ArtifactStore;
import dev.slipway.build.model.CachingArtifactStore;
import dev.slipway.build.model.ContentCache;
import dev.slipway.build.model.ModelSet;
import dev.slipway.build.model.StoreAccess;
import dev.slipway.config.ModelSource;
import java.util.List;

/**
 * Fetches {@code s3://} models from AWS S3 or an S3-compatible store (MinIO, Ceph, …) into a
 * {@link ContentCache}. Each call names its {@link StoreAccess}; Slipway's default is
 * {@code StoreAccess.fromEnvironment(System.getenv())}, and a service may override it. One S3
 * client is kept per access. Thread-safe; close it to release its threads.
 */
public final class S3ArtifactStore implements ArtifactStore, AutoCloseable {

    private final S3Clients clients = new S3Clients();
    private final CachingArtifactStore store;

    public S3ArtifactStore(ContentCache cache) {
        this.store = new CachingArtifactStore(cache, access -> new S3ObjectStore(clients.forAccess(access), access));
    }

    @Override
    public ModelSet fetch(List<ModelSource> models, StoreAccess access, BuildLog log) {
        return store.fetch(models, access, log);
    }

    @Override
    public void close() {
        store.close();
        clients.close();
    }
}
