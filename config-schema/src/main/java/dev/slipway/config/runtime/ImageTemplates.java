package dev.slipway.config.runtime;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * Image references that may contain {@value #VERSION}, which a runtime's {@code run.runtime-version}
 * replaces. A reference with the placeholder is left out when there is no usable version.
 *
 * @param build the images the build stage may start from, most preferred first
 * @param run   the images the app may run on, most preferred first (the same list for runtimes that
 *              use the original build)
 */
record ImageTemplates(List<String> build, List<String> run) {

    /** Replaced by the runtime version, e.g. {@code python:{version}-slim}. */
    static final String VERSION = "{version}";

    ImageTemplates {
        build = List.copyOf(build);
        run = List.copyOf(run);
    }

    static ImageTemplates same(List<String> images) {
        return new ImageTemplates(images, images);
    }

    static boolean hasPlaceholder(String image) {
        return image.contains(VERSION);
    }

    /** Whether at least one image applies without a runtime version. */
    static boolean hasPlainImage(List<String> images) {
        return images.stream().anyMatch(image -> !hasPlaceholder(image));
    }

    /** The images for a version (or none), placeholders filled or dropped, duplicates removed. */
    static List<String> expand(List<String> templates, Optional<String> version) {
        var images = new LinkedHashSet<String>();
        for (var template : templates) {
            if (!hasPlaceholder(template)) {
                images.add(template);
            } else {
                version.ifPresent(v -> images.add(template.replace(VERSION, v)));
            }
        }
        return List.copyOf(images);
    }
}
