package dev.slipway.build.image.docker;

import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.InternetProtocol;
import dev.slipway.build.image.Artifact;
import dev.slipway.build.image.BuildPhase;
import dev.slipway.build.image.RecentLines;
import dev.slipway.build.image.RunSettings;
import dev.slipway.config.NetworkSection;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A project's own Dockerfile, built as it is by the classic builder with the build's limits,
 * deadline and labels. The app listens on the first TCP port the image exposes.
 */
final class UserDockerfileBuild {

    static final String DOCKERFILE = "Dockerfile";

    private final DockerClients clients;
    private final ContextBuild contextBuild;

    UserDockerfileBuild(DockerClients clients) {
        this.clients = clients;
        this.contextBuild = new ContextBuild(clients);
    }

    BuildResult build(String tag, BuildSession session) {
        var start = System.nanoTime();
        var plan = session.plan();
        session.log(BuildPhase.BASE, "building the project's " + DOCKERFILE + " as it is");
        var labels = new LinkedHashMap<String, String>();
        labels.put(BuildLabels.MANAGED, BuildLabels.TRUE);
        labels.put(BuildLabels.KIND, ImageKind.FINAL.label());
        labels.putAll(FinalImage.identity(plan));
        var output = new BuildOutput(StepResolver.forUserDockerfile(), session.log(), RecentLines.DEFAULT_CAPACITY);
        contextBuild.run(ContextTar.of(plan.sourceDir()), DOCKERFILE, tag, labels, output, session,
                Optional.of(session.limits()));
        var image = clients.control().inspectImageCmd(tag).exec();
        session.log(BuildPhase.IMAGE, "built image " + image.getId() + " tagged " + tag);
        session.stage(BuildReport.Stage.DOCKERFILE, start, false);
        var port = firstExposedPort(image).orElse(NetworkSection.DEFAULT_PORT);
        var artifact = new Artifact(Artifact.Kind.IMAGE, image.getId(),
                new RunSettings(Optional.empty(), port, Optional.empty(), Map.of()));
        return new BuildResult(artifact, session.report(image.getId(), image.getSize() == null ? 0 : image.getSize()));
    }

    private static Optional<Integer> firstExposedPort(InspectImageResponse image) {
        var config = image.getConfig();
        if (config == null || config.getExposedPorts() == null) {
            return Optional.empty();
        }
        return Arrays.stream(config.getExposedPorts())
                .filter(port -> port.getProtocol() == InternetProtocol.TCP)
                .map(ExposedPort::getPort)
                .min(Comparator.naturalOrder());
    }
}
