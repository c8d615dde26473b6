package dev.slipway.build.image.docker;

import dev.slipway.build.image.Bytes;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a build stage's commands took from the dependency cache and from the network: the cache's
 * size per tool directory before and after the commands, and the bytes the build container
 * received over its network meanwhile.
 *
 * @param before          bytes per cache directory ({@code m2}, {@code npm}, …) before the commands
 * @param after           bytes per cache directory after them
 * @param networkReceived bytes received by the build container while the commands ran (package
 *                        downloads, index pages and anything else the commands fetched)
 */
public record DependencyUse(Map<String, Long> before, Map<String, Long> after, long networkReceived) {

    public DependencyUse {
        before = Map.copyOf(before);
        after = Map.copyOf(after);
    }

    /** How much each cache directory grew, for those that grew: what was downloaded into the cache. */
    public Map<String, Long> added() {
        var added = new TreeMap<String, Long>();
        after.forEach((directory, size) -> {
            var grown = size - before.getOrDefault(directory, 0L);
            if (grown > 0) {
                added.put(directory, grown);
            }
        });
        return added;
    }

    /** The bytes the commands downloaded into the cache (0 when every dependency was there already). */
    public long addedBytes() {
        return added().values().stream().mapToLong(Long::longValue).sum();
    }

    /** The cache's contents from earlier builds, per directory, for those that hold anything. */
    public Map<String, Long> reusable() {
        var reusable = new TreeMap<String, Long>();
        before.forEach((directory, size) -> {
            if (size > 0) {
                reusable.put(directory, size);
            }
        });
        return reusable;
    }

    /** The build log's summary, e.g. "dependency cache: nothing new downloaded; held from earlier builds: m2 41.2 MiB". */
    public String summary() {
        var text = new StringBuilder("dependency cache: ");
        var added = added();
        if (added.isEmpty()) {
            text.append("nothing new downloaded");
        } else {
            text.append(Bytes.format(addedBytes())).append(" downloaded into it (").append(list(added)).append(')');
        }
        var reusable = reusable();
        text.append(reusable.isEmpty() ? "; it was empty before this build"
                : "; held from earlier builds: " + list(reusable));
        text.append("; ").append(Bytes.format(networkReceived)).append(" received over the network");
        return text.toString();
    }

    private static String list(Map<String, Long> sizes) {
        var parts = new StringBuilder();
        sizes.forEach((directory, size) -> parts.append(parts.isEmpty() ? "" : ", ").append(directory).append(' ')
                .append(Bytes.format(size)));
        return parts.toString();
    }
}
