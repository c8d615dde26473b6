package dev.slipway.build.image.docker;

import dev.slipway.build.image.BuildPhase;
import dev.slipway.build.model.ModelObject;
import dev.slipway.build.model.ModelSet;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The image holding only a model set: {@code FROM scratch} plus the files at
 * {@code /opt/slipway/models/<target>}, tagged by the set's digest and built only when that tag
 * is missing. Its build context is the model files alone, never the app, so a code change never
 * uploads or copies a model again.
 */
final class ModelsImage {

    static final String CONTEXT_DIRECTORY = "models";
    private static final long MEBIBYTE = 1024 * 1024;

    private final Images images;
    private final ImageAssembly assembly;

    ModelsImage(DockerClients clients, ImageAssembly assembly) {
        this.images = new Images(clients);
        this.assembly = assembly;
    }

    /**
     * @param targets the models by normalised target (see {@code ModelLinks.targets})
     */
    ImageInfo ensure(ModelSet models, Map<String, ModelObject> targets, BuildSession session) {
        var start = System.nanoTime();
        var digest = models.digest();
        var tag = ImageKind.MODELS.tag(digest);
        var size = models.objects().size() + " model file(s), " + models.totalBytes() / MEBIBYTE + " MiB";
        var existing = images.find(tag);
        if (existing.isPresent()) {
            session.log(BuildPhase.MODELS, "reusing models image " + tag + " (" + size + ")");
            session.stage(BuildReport.Stage.MODELS, start, true);
            return existing.get();
        }
        session.checkpoint("building the models image");
        session.log(BuildPhase.MODELS, "building models image " + tag + " (" + size + ")");
        var context = ContextTar.empty();
        for (var entry : targets.entrySet()) {
            context = context.withCopy(CONTEXT_DIRECTORY + "/" + entry.getKey(), entry.getValue().file());
        }
        var image = assembly.build(dockerfile(digest), context, tag, BuildPhase.MODELS, session);
        session.stage(BuildReport.Stage.MODELS, start, false);
        return image;
    }

    static DockerfileText dockerfile(String digest) {
        var labels = new LinkedHashMap<String, String>();
        labels.put(BuildLabels.MANAGED, BuildLabels.TRUE);
        labels.put(BuildLabels.KIND, ImageKind.MODELS.label());
        labels.put(BuildLabels.KEY, digest);
        labels.put(BuildLabels.MODELS, digest);
        return new DockerfileText().from("scratch").copy(CONTEXT_DIRECTORY, Layout.MODELS_DIRECTORY).labels(labels);
    }
}
