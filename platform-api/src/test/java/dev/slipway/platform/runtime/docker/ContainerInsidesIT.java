package dev.slipway.platform.runtime.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.slipway.build.image.Artifact;
import dev.slipway.build.image.RunSettings;
import dev.slipway.build.image.docker.DockerClients;
import dev.slipway.platform.runtime.ContainerOutput;
import dev.slipway.platform.runtime.ContainerSpec;
import dev.slipway.platform.runtime.ListeningSocket;
import dev.slipway.platform.support.DockerSupport;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The sockets a container's app listens on, read on the host and, for a Slipway without its /proc, inside. */
class ContainerInsidesIT {

    private static final String LISTENS = "import socket, time\n"
            + "for host, port in (('127.0.0.1', 3000), ('0.0.0.0', 8080)):\n"
            + "    s = socket.socket(); s.bind((host, port)); s.listen(); globals()[str(port)] = s\n"
            + "time.sleep(600)\n";

    @Test
    void hostAndInsideAgreeOnWhatTheAppListensOn() {
        DockerSupport.assumeDockerWithPythonRuntime();
        try (var clients = DockerClients.connect();
             var runtime = new DockerContainerRuntime(clients, DockerContainerRuntime.DEFAULT_STOP_GRACE,
                     ContainerOutput.DISCARD)) {
            var artifact = new Artifact(Artifact.Kind.IMAGE, DockerSupport.PYTHON_RUNTIME_IMAGE,
                    new RunSettings(Optional.of("exec python3 -c \"$APP\""), 8080, Optional.empty(), Map.of("APP", LISTENS)));
            var container = runtime.start(new ContainerSpec("insides", "d-insides", "i" + Long.toHexString(System.nanoTime()),
                    artifact));
            try {
                await().atMost(Duration.ofSeconds(30)).until(() -> runtime.listeningSockets(container.id())
                        .map(sockets -> sockets.size() == 2).orElse(false));
                var insides = new ContainerInsides(clients.control());

                assertThat(runtime.listeningSockets(container.id()).orElseThrow()).extracting(ListeningSocket::toString)
                        .containsExactlyInAnyOrder("127.0.0.1:3000", "0.0.0.0:8080");
                assertThat(insides.readInside(container.id()).orElseThrow()).extracting(ListeningSocket::toString)
                        .containsExactlyInAnyOrder("127.0.0.1:3000", "0.0.0.0:8080");
                assertThat(runtime.commandSource(container.id())).isEqualTo("the image " + DockerSupport.PYTHON_RUNTIME_IMAGE);
            } finally {
                runtime.stop(container.id());
            }
            assertThat(runtime.listeningSockets(container.id())).as("once the container is gone").isEmpty();
        }
    }
}
