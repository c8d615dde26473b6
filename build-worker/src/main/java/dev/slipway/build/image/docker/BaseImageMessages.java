package dev.slipway.build.image.docker;

import dev.slipway.config.runtime.ManagedRuntime;
import dev.slipway.config.runtime.OfflineImage;
import dev.slipway.config.runtime.RuntimeCatalog;
import java.util.List;
import java.util.Optional;

/**
 * What the build says about base images: which one a runtime uses and what it lacks, how to get
 * one when none is there, and where a command that was not found was looked for.
 */
final class BaseImageMessages {

    private final RuntimeCatalog catalog;

    BaseImageMessages(RuntimeCatalog catalog) {
        this.catalog = catalog;
    }

    /**
     * "using base image X for runtime Y"; a warning naming what differs when X is an offline image
     * without the runtime's version, e.g. Corretto 11 on OpenJDK 17.
     */
    String using(BaseImages.Role role, String reference, String runtime, Optional<String> runtimeVersion) {
        var line = "using " + role.description() + " " + reference + " for runtime " + runtime;
        return catalog.differences(runtime, runtimeVersion, reference)
                .map(difference -> "warning: " + line + ": " + difference + "; choose another in "
                        + RuntimeCatalog.FILE_NAME)
                .orElse(line);
    }

    /**
     * Where a command that was not found was looked for, and what to do, e.g. "in base image
     * slipway/runtime-java17:bookworm (OpenJDK 17 … with java, javac, …); install it in pre-build
     * or choose another image in runtimes.properties".
     */
    String notFoundIn(BaseImages.Role role, String reference) {
        var carries = catalog.describe(reference).map(description -> " (" + description + ")").orElse("");
        var install = role == BaseImages.Role.BUILD ? "install it in pre-build"
                : "install it in an earlier pre-run command (only /app is carried over from the build image)";
        return "in " + role.description() + " " + reference + carries + "; " + install + " or choose another "
                + role.description() + " in " + RuntimeCatalog.FILE_NAME;
    }

    /** How to get an image when none of {@code candidates} is there: the offline image to build, or where to put one. */
    static String remedy(String runtime, List<String> candidates) {
        var offline = candidates.stream().map(OfflineImage::of).flatMap(Optional::stream).findFirst();
        if (offline.isPresent()) {
            return "Run `make runtimes` to build Slipway's offline image " + offline.get().reference() + " ("
                    + offline.get().builtOn() + "), or set other images for " + runtime + " in "
                    + RuntimeCatalog.FILE_NAME + ".";
        }
        var language = ManagedRuntime.fromFileName(runtime).map(ManagedRuntime::language);
        var fallback = language.flatMap(OfflineImage::fallbackFor);
        if (fallback.isPresent()) {
            return "Load one of these images into Docker (docker load), or add Slipway's offline image "
                    + fallback.get().reference() + " (`make runtimes` builds it) to " + runtime + " in "
                    + RuntimeCatalog.FILE_NAME + ".";
        }
        var load = language.isPresent()
                ? "Slipway has no offline image for " + language.get().displayName() + ", which Debian does not"
                        + " package; load one of these images into Docker (docker load) or"
                : "Load one of these images into Docker (docker load) or";
        return load + " set other images for " + runtime + " in " + RuntimeCatalog.FILE_NAME + ".";
    }
}
