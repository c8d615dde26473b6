package dev.slipway.build.image.docker;

import java.util.List;

/**
 * What a garbage collection did.
 *
 * @param removedImages     the tags of the images it removed
 * @param imagesInUse       the tags of images it would have removed but that something still uses
 *                          (a container, or an image built on top of it); they stay
 * @param removedContainers the ids of leftover build containers it removed
 */
public record CollectedGarbage(List<String> removedImages, List<String> imagesInUse, List<String> removedContainers) {

    public CollectedGarbage {
        removedImages = List.copyOf(removedImages);
        imagesInUse = List.copyOf(imagesInUse);
        removedContainers = List.copyOf(removedContainers);
    }
}
