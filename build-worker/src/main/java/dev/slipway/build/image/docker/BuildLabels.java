package dev.slipway.build.image.docker;

/**
 * The labels on every image, build container and volume the Docker builder makes. Selecting on
 * {@link #MANAGED} finds all of them; {@link #KIND} tells what each one is.
 *
 * <table>
 * <caption>Kinds and the tags of images</caption>
 * <tr><th>{@link #KIND}</th><th>tag</th><th>keyed by</th></tr>
 * <tr><td>{@code final}</td><td>{@code slipway/<service>:<deployment>}</td><td>base image, run settings</td></tr>
 * <tr><td>{@code models}</td><td>{@code slipway-cache/models:<key>}</td><td>the model set's digest</td></tr>
 * <tr><td>{@code build-base}, {@code run-base}</td><td>{@code slipway-cache/<kind>:<key>}</td>
 *     <td>runtime image id, model digest</td></tr>
 * <tr><td>{@code build}</td><td>{@code slipway-cache/build:<key>}</td>
 *     <td>build base id, source tree, commands, build.env, build process</td></tr>
 * <tr><td>{@code app}, {@code pre-run}</td><td>{@code slipway-cache/<kind>:<key>}</td>
 *     <td>run base and build image ids; then pre-run commands and build.env</td></tr>
 * </table>
 * Build containers carry {@code build-container}, dependency cache volumes {@code dependency-cache}.
 */
public final class BuildLabels {

    /** {@value #TRUE} on everything the builder makes. */
    public static final String MANAGED = "dev.slipway.managed";
    /** What the object is: an image kind, {@code build-container} or {@code dependency-cache}. */
    public static final String KIND = "dev.slipway.kind";
    /** The cache key an image was made for (its tag's tag part). */
    public static final String KEY = "dev.slipway.key";
    /** The service a final image, build container or cache volume belongs to. */
    public static final String SERVICE = "dev.slipway.service";
    /** The deployment a final image or build container belongs to. */
    public static final String DEPLOYMENT = "dev.slipway.deployment";
    /** The full commit id a final image was built from. */
    public static final String COMMIT = "dev.slipway.commit";
    /** On final images and build containers: the key of the build stage image. */
    public static final String BUILD_KEY = "dev.slipway.build-key";
    /** On final and base images: the digest of the model set they hold, when they hold one. */
    public static final String MODELS = "dev.slipway.models";
    /** On final images: the runtime image the app runs on, as the catalog names it ({@code slipway/runtime-python3:bookworm}). */
    public static final String RUNTIME_IMAGE = "dev.slipway.runtime-image";
    /** On final images, when the catalog knows it: what the runtime image carries ({@code Python 3.11 … with python3, pip …}). */
    public static final String RUNTIME_IMAGE_CARRIES = "dev.slipway.runtime-image.carries";
    /** The value of {@link #MANAGED}. */
    public static final String TRUE = "true";

    private BuildLabels() {
    }
}
