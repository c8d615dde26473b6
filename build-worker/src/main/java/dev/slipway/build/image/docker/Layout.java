package dev.slipway.build.image.docker;

/** Where things are inside the images the builder makes. */
final class Layout {

    /** Where the source is copied and every command runs, as on App Runner. */
    static final String APP_DIRECTORY = "/app";
    /** Where the models layer puts the model files; {@code /app/<target>} links point here. */
    static final String MODELS_DIRECTORY = "/opt/slipway/models";
    /** Where the service's dependency cache volume is mounted in build containers; never committed. */
    static final String DEPENDENCY_CACHE_DIRECTORY = "/var/cache/slipway";

    private Layout() {
    }

    /** Where the model with this (normalised) target lies in an image. */
    static String modelPath(String target) {
        return MODELS_DIRECTORY + "/" + target;
    }
}
