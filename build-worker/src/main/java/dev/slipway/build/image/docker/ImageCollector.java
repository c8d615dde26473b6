package dev.slipway.build.image.docker;

import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Removes what the builder made and nobody needs any more: final images of deployments not kept,
 * cache images no kept image depends on, and build containers a crashed worker left behind.
 * Images younger than a grace period (a build may be making them right now), images a container
 * uses and images other images are built on stay; Docker's own refusal to remove one is not an
 * error.
 */
final class ImageCollector {

    private final DockerClients clients;

    ImageCollector(DockerClients clients) {
        this.clients = clients;
    }

    /**
     * @param keep            per service, the deployment ids or image ids whose final images to keep;
     *                        services not named keep every image
     * @param minimumAge      images younger than this stay
     * @param staleContainers build containers older than this are removed
     */
    CollectedGarbage collect(Map<String, Set<String>> keep, Duration minimumAge, Duration staleContainers) {
        var removedContainers = removeStaleContainers(staleContainers);
        var now = Instant.now();
        var graph = graph();
        var containers = clients.control().listContainersCmd().withShowAll(true).exec();
        var cutoff = now.minus(minimumAge).getEpochSecond();
        var roots = new ArrayList<String>();
        containers.stream().map(Container::getImageId).forEach(roots::add);
        var candidates = new LinkedHashMap<String, ImageGraph.Tagged>();
        for (var image : graph.tagged()) {
            if (image.kind() == ImageKind.FINAL && isKept(image, keep)) {
                roots.add(image.id());
            } else {
                candidates.put(image.tag(), image);
            }
        }
        var usedOrKept = graph.neededBy(roots);
        var inUse = new ArrayList<String>();
        candidates.values().stream()
                .filter(image -> image.kind() == ImageKind.FINAL && usedOrKept.contains(image.id()))
                .forEach(image -> inUse.add(image.tag()));
        var young = graph.managedCreatedAfter(cutoff);
        var needed = new HashSet<>(usedOrKept);
        needed.addAll(graph.neededBy(young));
        candidates.values().removeIf(image -> needed.contains(image.id()));
        var removed = remove(candidates, needed, cutoff, inUse);
        return new CollectedGarbage(removed, inUse, removedContainers);
    }

    private static boolean isKept(ImageGraph.Tagged image, Map<String, Set<String>> keep) {
        var kept = keep.get(image.labels().get(BuildLabels.SERVICE));
        return kept == null || kept.contains(image.labels().get(BuildLabels.DEPLOYMENT)) || kept.contains(image.id());
    }

    /**
     * Removes leaves first: after each round, images whose children went become leaves. Untagged
     * managed leaves nobody needs (steps of an assembly that failed) go too, so they do not keep
     * their parents alive.
     */
    private List<String> remove(Map<String, ImageGraph.Tagged> candidates, Set<String> needed, long olderThan,
            List<String> inUse) {
        var removed = new ArrayList<String>();
        var left = new LinkedHashMap<>(candidates);
        var progress = true;
        while (progress) {
            progress = false;
            var graph = graph();
            for (var image : List.copyOf(left.values())) {
                if (!graph.contains(image.id())) {
                    left.remove(image.tag());
                    removed.add(image.tag());
                    progress = true;
                } else if (!graph.hasChildren(image.id())) {
                    left.remove(image.tag());
                    (untag(image.tag()) ? removed : inUse).add(image.tag());
                    progress = true;
                }
            }
            for (var id : graph.untaggedManagedLeaves(olderThan)) {
                if (!needed.contains(id) && untag(id)) {
                    progress = true;
                }
            }
        }
        inUse.addAll(left.keySet());
        return removed;
    }

    /** Removes a tag (or an untagged image by id) and the untagged parents only it needed. */
    private boolean untag(String reference) {
        try {
            clients.control().removeImageCmd(reference).withForce(false).withNoPrune(false).exec();
            return true;
        } catch (NotFoundException e) {
            return true;
        } catch (ConflictException e) {
            return false;
        }
    }

    private List<String> removeStaleContainers(Duration staleAfter) {
        var cutoff = Instant.now().minus(staleAfter).getEpochSecond();
        var removed = new ArrayList<String>();
        var stale = clients.control().listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of(BuildLabels.MANAGED, BuildLabels.TRUE,
                        BuildLabels.KIND, ImageKind.BUILD_CONTAINER.label()))
                .exec();
        for (var container : stale) {
            if (container.getCreated() != null && container.getCreated() < cutoff) {
                try {
                    clients.control().removeContainerCmd(container.getId()).withForce(true).withRemoveVolumes(true)
                            .exec();
                    removed.add(container.getId());
                } catch (NotFoundException e) {
                    // Gone already.
                }
            }
        }
        return removed;
    }

    private ImageGraph graph() {
        return new ImageGraph(clients.control().listImagesCmd().withShowAll(true).exec());
    }
}
