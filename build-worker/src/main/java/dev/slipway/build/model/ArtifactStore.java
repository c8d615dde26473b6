package dev.slipway.build.model;

import dev.slipway.build.image.BuildLog;
import dev.slipway.config.ModelSource;
import java.util.List;

/**
 * Fetches the model files an {@code apprunner.yaml} declares into the local content-addressed
 * cache. Thread-safe: concurrent builds that need the same object share one download. Blocks until
 * every file is in the cache and verified.
 */
public interface ArtifactStore {

    /**
     * @param models the {@code models:} entries
     * @param access how to reach the store (credentials, region, endpoint)
     * @param log    receives one line per object: cached or downloaded, with its size
     * @throws ModelFetchException naming the source and what failed (no such bucket or key,
     *                             access denied, checksum mismatch, …)
     */
    ModelSet fetch(List<ModelSource> models, StoreAccess access, BuildLog log);
}
