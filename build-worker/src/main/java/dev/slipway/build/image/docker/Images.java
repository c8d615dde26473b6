package dev.slipway.build.image.docker;

import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Looks images up, tags and removes them. */
final class Images {

    private final DockerClients clients;

    Images(DockerClients clients) {
        this.clients = clients;
    }

    /** The image a reference (tag or id) names, or empty when the daemon has none. */
    Optional<ImageInfo> find(String reference) {
        try {
            return Optional.of(info(clients.control().inspectImageCmd(reference).exec()));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    /** The image a reference names; it must exist (the builder just made it). */
    ImageInfo require(String reference) {
        return find(reference).orElseThrow(() -> new IllegalStateException("image " + reference + " vanished"));
    }

    /** Tags {@code imageId} as {@code repository:tag}, moving the tag if another image had it. */
    void tag(String imageId, String reference) {
        var colon = reference.lastIndexOf(':');
        clients.control().tagImageCmd(imageId, reference.substring(0, colon), reference.substring(colon + 1))
                .withForce(true).exec();
    }

    /** Removes an image the builder made and no longer needs; one that is gone already is fine. */
    void removeQuietly(String imageId) {
        Interruptions.withFlagCleared(() -> {
            try {
                clients.control().removeImageCmd(imageId).withForce(true).exec();
            } catch (RuntimeException e) {
                // Best effort: the garbage collector removes what is left.
            }
        });
    }

    static ImageInfo info(InspectImageResponse image) {
        var root = image.getRootFS();
        List<String> layers = root == null || root.getLayers() == null ? List.of() : root.getLayers();
        var config = image.getConfig();
        Map<String, String> labels = config == null || config.getLabels() == null ? Map.of() : config.getLabels();
        return new ImageInfo(image.getId(), layers, image.getSize() == null ? 0 : image.getSize(), labels);
    }
}
