package dev.slipway.build.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/**
 * Every model file of one build, and how many bytes fetching them downloaded (0 when all came
 * from the cache).
 *
 * @param objects         the files, in target order
 * @param downloadedBytes bytes downloaded from the store for this build
 */
public record ModelSet(List<ModelObject> objects, long downloadedBytes) {

    public static final ModelSet EMPTY = new ModelSet(List.of(), 0);

    public ModelSet {
        objects = objects.stream().sorted(Comparator.comparing(ModelObject::target)).toList();
    }

    public boolean isEmpty() {
        return objects.isEmpty();
    }

    public long totalBytes() {
        return objects.stream().mapToLong(ModelObject::size).sum();
    }

    /**
     * A digest over every file's target, sha256 and size: equal digests mean the same files in the
     * same places, wherever and whenever they were fetched. Image layers are keyed by it.
     */
    public String digest() {
        try {
            var sha = MessageDigest.getInstance("SHA-256");
            for (var object : objects) {
                sha.update((object.target() + "\0" + object.sha256() + "\0" + object.size() + "\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
