package dev.slipway.build.image.docker;

import dev.slipway.build.image.BuildPhase;
import java.util.LinkedHashMap;
import java.util.Optional;

/**
 * A runtime image with the models layer on top and {@code WORKDIR /app}: the build base (build
 * commands start from it) or, for the revised build, the run base (the app is copied onto it).
 * Keyed by the runtime image's id and the model set's digest, and built only when missing, so the
 * models layer stays the same layer, below the app, for as long as models and runtime do.
 */
final class BaseStage {

    /**
     * A base image.
     *
     * @param image      the image
     * @param modelLayer the diff id of the layer holding the models, when there are any
     */
    record Base(ImageInfo image, Optional<String> modelLayer) {
    }

    private final Images images;
    private final ImageAssembly assembly;

    BaseStage(DockerClients clients, ImageAssembly assembly) {
        this.images = new Images(clients);
        this.assembly = assembly;
    }

    /**
     * @param kind   {@link ImageKind#BUILD_BASE} or {@link ImageKind#RUN_BASE}
     * @param models the models image and the model set's digest, when the build has models
     */
    Base ensure(ImageKind kind, ImageInfo runtime, Optional<ImageInfo> models, Optional<String> modelDigest,
            BuildSession session) {
        var start = System.nanoTime();
        var stage = kind == ImageKind.BUILD_BASE ? BuildReport.Stage.BUILD_BASE : BuildReport.Stage.RUN_BASE;
        var key = CacheKey.of(kind).add("runtime image", runtime.id()).add("models", modelDigest.orElse("")).hex();
        var tag = kind.tag(key);
        var existing = images.find(tag);
        if (existing.isPresent()) {
            session.log(BuildPhase.BASE, "reusing " + kind.label() + " image " + tag);
            session.stage(stage, start, true);
            return new Base(existing.get(), modelLayer(runtime, existing.get(), models));
        }
        session.checkpoint("building the " + kind.label() + " image");
        session.log(BuildPhase.BASE, "building " + kind.label() + " image " + tag);
        var image = assembly.build(dockerfile(kind, key, runtime.id(), models.map(ImageInfo::id), modelDigest),
                ContextTar.empty(), tag, BuildPhase.BASE, session);
        session.stage(stage, start, false);
        return new Base(image, modelLayer(runtime, image, models));
    }

    static DockerfileText dockerfile(ImageKind kind, String key, String runtimeImage, Optional<String> modelsImage,
            Optional<String> modelDigest) {
        var labels = new LinkedHashMap<String, String>();
        labels.put(BuildLabels.MANAGED, BuildLabels.TRUE);
        labels.put(BuildLabels.KIND, kind.label());
        labels.put(BuildLabels.KEY, key);
        modelDigest.ifPresent(digest -> labels.put(BuildLabels.MODELS, digest));
        var dockerfile = new DockerfileText().from(runtimeImage);
        modelsImage.ifPresent(image -> dockerfile.copyFrom(image, Layout.MODELS_DIRECTORY, Layout.MODELS_DIRECTORY));
        return dockerfile.workdir(Layout.APP_DIRECTORY).labels(labels);
    }

    /** The layer right above the runtime image's: the copy of the models. */
    private static Optional<String> modelLayer(ImageInfo runtime, ImageInfo base, Optional<ImageInfo> models) {
        var index = runtime.layers().size();
        return models.isPresent() && base.layers().size() > index ? Optional.of(base.layers().get(index))
                : Optional.empty();
    }
}
