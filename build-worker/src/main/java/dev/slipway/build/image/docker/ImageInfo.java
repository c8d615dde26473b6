package dev.slipway.build.image.docker;

import java.util.List;
import java.util.Map;

/**
 * An image as the daemon describes it.
 *
 * @param id     {@code sha256:…}
 * @param layers the diff ids of its root file system, lowest first
 * @param size   its size in bytes, base layers included
 * @param labels its labels (inherited ones included)
 */
record ImageInfo(String id, List<String> layers, long size, Map<String, String> labels) {

    ImageInfo {
        layers = List.copyOf(layers);
        labels = Map.copyOf(labels);
    }
}
