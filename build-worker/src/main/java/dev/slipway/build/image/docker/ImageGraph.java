package dev.slipway.build.image.docker;

import com.github.dockerjava.api.model.Image;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The daemon's images at one moment, with what the builder needs to decide what to keep: which
 * images are Slipway's (tagged by its scheme, with matching labels), their parents and children,
 * and which cache images an image refers to by label.
 */
final class ImageGraph {

    /** A Slipway image: one the builder tagged, under the tag it gave it. */
    record Tagged(String id, String tag, ImageKind kind, Map<String, String> labels, long createdSeconds) {
    }

    /** How the daemon lists an image without a tag. */
    private static final String UNTAGGED = "<none>:<none>";

    private final Map<String, Image> byId = new HashMap<>();
    private final Map<String, Integer> childCount = new HashMap<>();
    private final Map<String, Tagged> byTag = new HashMap<>();

    ImageGraph(List<Image> images) {
        for (var image : images) {
            byId.put(image.getId(), image);
            var parent = image.getParentId();
            if (parent != null && !parent.isEmpty()) {
                childCount.merge(parent, 1, Integer::sum);
            }
            tagged(image).ifPresent(tagged -> byTag.put(tagged.tag(), tagged));
        }
    }

    Collection<Tagged> tagged() {
        return byTag.values();
    }

    boolean contains(String id) {
        return byId.containsKey(id);
    }

    boolean hasChildren(String id) {
        return childCount.getOrDefault(id, 0) > 0;
    }

    /** Every managed image (tagged or not) created after {@code epochSeconds}. */
    List<String> managedCreatedAfter(long epochSeconds) {
        return byId.values().stream()
                .filter(image -> BuildLabels.TRUE.equals(labels(image).get(BuildLabels.MANAGED)))
                .filter(image -> image.getCreated() != null && image.getCreated() > epochSeconds)
                .map(Image::getId).toList();
    }

    /**
     * Managed images without a tag and without children, created before {@code epochSeconds}:
     * steps of assemblies that never finished.
     */
    List<String> untaggedManagedLeaves(long epochSeconds) {
        return byId.values().stream()
                .filter(image -> BuildLabels.TRUE.equals(labels(image).get(BuildLabels.MANAGED)))
                .filter(image -> image.getCreated() != null && image.getCreated() <= epochSeconds)
                .filter(image -> !hasChildren(image.getId()) && isUntagged(image))
                .map(Image::getId).toList();
    }

    /**
     * The images {@code roots} need: themselves, their ancestors, and the build and models images
     * their labels name (with those images' own needs).
     */
    Set<String> neededBy(Collection<String> roots) {
        var needed = new HashSet<String>();
        var work = new ArrayDeque<>(roots);
        while (!work.isEmpty()) {
            var id = work.pop();
            var image = byId.get(id);
            if (image == null || !needed.add(id)) {
                continue;
            }
            var parent = image.getParentId();
            if (parent != null && !parent.isEmpty()) {
                work.push(parent);
            }
            var labels = labels(image);
            Optional.ofNullable(labels.get(BuildLabels.BUILD_KEY)).map(ImageKind.BUILD::tag).map(byTag::get)
                    .ifPresent(build -> work.push(build.id()));
            Optional.ofNullable(labels.get(BuildLabels.MODELS)).map(ImageKind.MODELS::tag).map(byTag::get)
                    .ifPresent(models -> work.push(models.id()));
        }
        return needed;
    }

    private static Optional<Tagged> tagged(Image image) {
        var labels = labels(image);
        if (!BuildLabels.TRUE.equals(labels.get(BuildLabels.MANAGED)) || image.getRepoTags() == null) {
            return Optional.empty();
        }
        var kind = ImageKind.ofLabel(labels.getOrDefault(BuildLabels.KIND, ""));
        if (kind.isEmpty()) {
            return Optional.empty();
        }
        var expected = expectedTag(kind.get(), labels);
        var created = image.getCreated() == null ? 0 : image.getCreated();
        return expected.filter(tag -> Arrays.asList(image.getRepoTags()).contains(tag))
                .map(tag -> new Tagged(image.getId(), tag, kind.get(), labels, created));
    }

    /** The tag the builder gives an image with these labels; images tagged otherwise are not its own. */
    private static Optional<String> expectedTag(ImageKind kind, Map<String, String> labels) {
        if (kind == ImageKind.FINAL) {
            var service = labels.get(BuildLabels.SERVICE);
            var deployment = labels.get(BuildLabels.DEPLOYMENT);
            return service == null || deployment == null ? Optional.empty()
                    : Optional.of(DockerImageBuilder.REPOSITORY_PREFIX + service + ":" + deployment);
        }
        return kind.isCache() ? Optional.ofNullable(labels.get(BuildLabels.KEY)).map(kind::tag) : Optional.empty();
    }

    private static boolean isUntagged(Image image) {
        return image.getRepoTags() == null
                || Arrays.stream(image.getRepoTags()).allMatch(tag -> tag.equals(UNTAGGED));
    }

    private static Map<String, String> labels(Image image) {
        return image.getLabels() == null ? Map.of() : image.getLabels();
    }
}
