package dev.slipway.build.image;

/**
 * The phases a build goes through, in order. {@link #label()} is the name passed to
 * {@link BuildLog#line(String, String)}.
 */
public enum BuildPhase {
    /** Deciding how the project builds (detection warnings, the chosen kind). */
    PLAN("plan"),
    /** Choosing and preparing the base image or directory, copying the source. */
    BASE("base"),
    /** Placing the model files the build fetched: their image layer, or links in the app directory. */
    MODELS("models"),
    /** {@code build.commands.pre-build}. */
    PRE_BUILD("pre-build"),
    /** {@code build.commands.build}. */
    BUILD("build"),
    /** {@code build.commands.post-build}. */
    POST_BUILD("post-build"),
    /** {@code run.pre-run}, which runs while the image is built, not when the app starts. */
    PRE_RUN("pre-run"),
    /** Writing the runnable result: image settings, labels, tag. */
    IMAGE("image");

    private final String label;

    BuildPhase(String label) {
        this.label = label;
    }

    /** The phase's name in build logs, e.g. {@code pre-build}. */
    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }
}
