package dev.slipway.build.model;

import dev.slipway.build.image.BuildLog;
import dev.slipway.build.image.Bytes;
import dev.slipway.config.ModelSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * An {@link ArtifactStore} over any {@link ObjectStore}: resolves each source, places its objects
 * in the app, and gets every object through the {@link ContentCache}, a few at a time.
 */
public final class CachingArtifactStore implements ArtifactStore, AutoCloseable {

    /** Objects downloaded at the same time, across all builds. */
    public static final int PARALLEL_DOWNLOADS = 4;
    /** The build phase model log lines belong to. */
    public static final String LOG_PHASE = "models";
    private static final int SHORT_SHA256 = 12;

    private final ContentCache cache;
    private final Function<StoreAccess, ObjectStore> stores;
    private final ExecutorService downloads;

    /**
     * @param cache  where objects are kept
     * @param stores the object store to use for an access (called once per fetch)
     */
    public CachingArtifactStore(ContentCache cache, Function<StoreAccess, ObjectStore> stores) {
        this.cache = cache;
        this.stores = stores;
        var threads = new AtomicInteger();
        this.downloads = Executors.newFixedThreadPool(PARALLEL_DOWNLOADS, task -> {
            var thread = new Thread(task, "model-download-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public ModelSet fetch(List<ModelSource> models, StoreAccess access, BuildLog log) {
        if (models.isEmpty()) {
            return ModelSet.EMPTY;
        }
        var store = stores.apply(access);
        var placements = new ArrayList<Placement>();
        for (var source : models) {
            placements.addAll(Placement.of(source, store.resolve(source)));
        }
        Placement.checkDistinct(placements);
        var fetches = placements.stream()
                .map(placement -> CompletableFuture.supplyAsync(() -> fetch(placement, store, log), downloads))
                .toList();
        var objects = new ArrayList<ModelObject>();
        long downloaded = 0;
        for (var result : awaitAll(fetches)) {
            objects.add(result.object());
            downloaded += result.downloadedBytes();
        }
        return new ModelSet(objects, downloaded);
    }

    @Override
    public void close() {
        downloads.shutdownNow();
    }

    private record Fetched(ModelObject object, long downloadedBytes) {
    }

    private Fetched fetch(Placement placement, ObjectStore store, BuildLog log) {
        var identity = placement.object();
        var blob = cache.obtain(identity, store);
        var object = new ModelObject(identity.uri(), identity.version(), blob.sha256(), blob.size(),
                blob.file(), placement.target());
        log.line(LOG_PHASE, (blob.downloaded() ? "downloaded " : "cached ") + object.uri() + " -> " + object.target()
                + " (" + Bytes.format(object.size()) + ", sha256 " + object.sha256().substring(0, SHORT_SHA256) + ")");
        return new Fetched(object, blob.downloadedBytes());
    }

    /** Waits for every fetch, even after one failed, so a failed build leaves no download of its own running. */
    private static List<Fetched> awaitAll(List<CompletableFuture<Fetched>> fetches) {
        try {
            CompletableFuture.allOf(fetches.toArray(CompletableFuture[]::new)).exceptionally(e -> null).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModelFetchException("interrupted while fetching models; deploy again", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("failures were already handled", e);
        }
        var results = new ArrayList<Fetched>();
        for (var fetch : fetches) {
            try {
                results.add(fetch.join());
            } catch (CompletionException e) {
                if (e.getCause() instanceof ModelFetchException failure) {
                    throw failure;
                }
                throw new ModelFetchException("fetching models failed: " + e.getCause().getMessage(), e.getCause());
            }
        }
        return results;
    }

}
