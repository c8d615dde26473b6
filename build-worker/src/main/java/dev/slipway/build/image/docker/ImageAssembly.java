package dev.slipway.build.image.docker;

import dev.slipway.build.image.BuildLog;
import dev.slipway.build.image.BuildPhase;
import dev.slipway.build.image.RecentLines;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * Builds an image from a small generated Dockerfile (see {@link DockerfileText}) and a context
 * holding only the files it copies. Only the builder's "Step N/M" lines reach the log; the rest
 * is kept for the error message should the daemon refuse a step.
 */
final class ImageAssembly {

    static final String DOCKERFILE = "Dockerfile";

    private final ContextBuild contextBuild;
    private final Images images;

    ImageAssembly(DockerClients clients) {
        this.contextBuild = new ContextBuild(clients);
        this.images = new Images(clients);
    }

    /** Builds and tags the image and returns what the daemon made. */
    ImageInfo build(DockerfileText dockerfile, ContextTar files, String tag, BuildPhase phase, BuildSession session) {
        var context = files.withFile(DOCKERFILE, dockerfile.text().getBytes(StandardCharsets.UTF_8));
        var output = new BuildOutput(StepResolver.constant(phase), stepLinesOnly(session.log()), session.mask(),
                RecentLines.DEFAULT_CAPACITY);
        contextBuild.run(context, DOCKERFILE, tag, Map.of(), output, session, Optional.empty());
        return images.require(tag);
    }

    private static BuildLog stepLinesOnly(BuildLog log) {
        return (phase, stream, line) -> {
            if (line.startsWith("Step ")) {
                log.line(phase, BuildLog.Stream.SYSTEM, line);
            }
        };
    }
}
