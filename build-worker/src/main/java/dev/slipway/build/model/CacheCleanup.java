package dev.slipway.build.model;

/**
 * What one garbage collection of the {@link ContentCache} removed.
 *
 * @param removedBlobs   cached files deleted
 * @param freedBytes     their total size
 * @param removedEntries index entries deleted (those of removed or missing files)
 */
public record CacheCleanup(int removedBlobs, long freedBytes, int removedEntries) {
}
