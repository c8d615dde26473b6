package dev.slipway.build.model;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The local content-addressed cache of model files. Blobs are stored read-only by the sha256 of
 * their content ({@code blobs/ab/abcdef…}); an index maps each object identity (endpoint, bucket,
 * key and version id, or ETag and size) to its blob, so a build whose objects are all known
 * downloads nothing. Each object is downloaded once even when many builds need it at the same
 * time, in this JVM and across processes sharing the directory.
 *
 * <p>Thread-safe. Files appear only whole and verified: downloads go to {@code .part} files that
 * are renamed into place, and index entries are written last.
 */
public final class ContentCache {

    /** Where the cache lives under {@code $SLIPWAY_HOME}. */
    public static final String HOME_RELATIVE_DIRECTORY = "cache/models";

    /**
     * Downloads in flight, by lock file, shared by every cache instance of this JVM: file locks
     * guard against other processes only, and a second lock on the same file from this JVM fails.
     */
    private static final ConcurrentMap<Path, CompletableFuture<CachedBlob>> IN_FLIGHT = new ConcurrentHashMap<>();

    private final CacheLayout layout;
    private final CacheIndex index;
    private final VerifiedDownload download;
    private final CacheCollector collector;

    /** A cache in {@code directory}, created if missing. */
    public ContentCache(Path directory) {
        this(directory, Clock.systemUTC());
    }

    /** A cache whose notion of "now" (last use, age) comes from {@code clock}. */
    public ContentCache(Path directory, Clock clock) {
        this.layout = new CacheLayout(directory);
        this.index = new CacheIndex(layout, clock);
        this.download = new VerifiedDownload(layout, clock);
        this.collector = new CacheCollector(layout, index, clock);
    }

    /** The cache of a Slipway installation: {@code $SLIPWAY_HOME/cache/models}. */
    public static ContentCache underHome(Path slipwayHome) {
        return new ContentCache(slipwayHome.resolve(HOME_RELATIVE_DIRECTORY));
    }

    public Path directory() {
        return layout.root();
    }

    /** The cached file with this content, if there is one. */
    public Optional<Path> blob(String sha256) {
        var blob = layout.blob(sha256);
        return Files.isRegularFile(blob) ? Optional.of(blob) : Optional.empty();
    }

    /**
     * Deletes every blob whose sha256 is not in {@code keep} and that no build used within
     * {@code unusedFor}, with the index entries that point to it, and abandoned downloads. Callers
     * keep the content of deployments they may roll back to and of builds in progress.
     */
    public CacheCleanup collectGarbage(Set<String> keep, Duration unusedFor) {
        return collector.collect(keep, unusedFor);
    }

    /** The object's content in the cache, downloading it from {@code store} when needed. */
    CachedBlob obtain(ObjectIdentity object, ObjectStore store) {
        var cached = lookup(object);
        if (cached.isPresent()) {
            return cached.get();
        }
        var lock = layout.lock(object);
        var mine = new CompletableFuture<CachedBlob>();
        var running = IN_FLIGHT.putIfAbsent(lock, mine);
        if (running != null) {
            return await(running).shared();
        }
        try {
            var blob = downloadLocked(object, store, lock);
            mine.complete(blob);
            return blob;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            IN_FLIGHT.remove(lock, mine);
        }
    }

    private CachedBlob downloadLocked(ObjectIdentity object, ObjectStore store, Path lock) {
        try (var channel = FileChannel.open(lock, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             var ignored = channel.lock()) {
            // Another process may have finished it while this one waited for the lock.
            var cached = lookup(object);
            if (cached.isPresent()) {
                return cached.get();
            }
            var blob = download.run(object, store);
            index.write(object, blob.sha256(), blob.size());
            return blob;
        } catch (IOException e) {
            throw new ModelFetchException("cannot store " + object.uri() + " in the model cache "
                    + layout.root() + ": " + e.getMessage() + "; check free space and permissions", e);
        }
    }

    /** The indexed blob of an object, when it exists with the right size. */
    private Optional<CachedBlob> lookup(ObjectIdentity object) {
        var entry = index.find(object).filter(found -> found.size() == object.size());
        if (entry.isEmpty()) {
            return Optional.empty();
        }
        var blob = layout.blob(entry.get().sha256());
        try {
            if (!Files.isRegularFile(blob) || Files.size(blob) != object.size()) {
                return Optional.empty();
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        index.touch(entry.get());
        return Optional.of(new CachedBlob(entry.get().sha256(), object.size(), blob, false));
    }

    private static CachedBlob await(CompletableFuture<CachedBlob> running) {
        try {
            return running.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof ModelFetchException cause) {
                throw new ModelFetchException(cause.getMessage(), cause);
            }
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}
