package dev.slipway.build.image.docker;

import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.InternetProtocol;
import dev.slipway.build.image.Artifact;
import dev.slipway.build.image.BuildPhase;
import dev.slipway.build.image.RecentLines;
import dev.slipway.build.image.RunSettings;
import dev.slipway.build.network.CompanyNetwork;
import dev.slipway.config.NetworkSection;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A project's own Dockerfile, built as it is by the classic builder with the build's limits,
 * deadline and labels. The app listens on the first TCP port the image exposes. The company
 * network's proxies are given as Docker's predefined proxy build arguments, which {@code RUN}
 * steps see and the image's history does not keep; its extra CA certificates cannot reach a
 * Dockerfile's steps without changing the Dockerfile, which the log says.
 */
final class UserDockerfileBuild {

    static final String DOCKERFILE = "Dockerfile";

    private final DockerClients clients;
    private final ContextBuild contextBuild;
    private final CompanyNetwork network;

    UserDockerfileBuild(DockerClients clients, CompanyNetwork network) {
        this.clients = clients;
        this.contextBuild = new ContextBuild(clients);
        this.network = network;
    }

    BuildResult build(String tag, BuildSession session) {
        var start = System.nanoTime();
        var plan = session.plan();
        session.log(BuildPhase.BASE, "building the project's " + DOCKERFILE + " as it is");
        var labels = new LinkedHashMap<String, String>();
        labels.put(BuildLabels.MANAGED, BuildLabels.TRUE);
        labels.put(BuildLabels.KIND, ImageKind.FINAL.label());
        labels.putAll(FinalImage.identity(plan));
        var buildArgs = network.dockerBuildArgs();
        if (!buildArgs.isEmpty()) {
            session.log(BuildPhase.BASE, "passing " + String.join(", ", buildArgs.keySet())
                    + " from Slipway's environment as build arguments");
        }
        network.trust().ifPresent(trust -> session.log(BuildPhase.BASE, CompanyNetwork.EXTRA_CA_CERTS
                + " does not reach the steps of a Dockerfile; to trust those certificates while building, COPY"
                + " them in and run update-ca-certificates (see docs/builds.md)"));
        var output = new BuildOutput(StepResolver.forUserDockerfile(), session.log(), session.mask(),
                RecentLines.DEFAULT_CAPACITY);
        contextBuild.run(ContextTar.of(plan.sourceDir()), DOCKERFILE, tag, labels, output, session,
                Optional.of(session.limits()), buildArgs);
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
