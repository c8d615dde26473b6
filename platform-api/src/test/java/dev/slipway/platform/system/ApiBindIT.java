package dev.slipway.platform.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.build.image.docker.DockerClients;
import dev.slipway.platform.support.DockerSupport;
import dev.slipway.platform.support.RunningSlipway;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The API, console and git server listen on loopback unless the operator opens them: another
 * address of this machine (the Docker bridge's, which containers reach) gets no answer.
 */
class ApiBindIT {

    @TempDir
    Path home;

    @Test
    void theApiListensOnLoopbackOnlyByDefault() throws Exception {
        Assumptions.assumeTrue(DockerClients.isAvailable(), "needs the Docker bridge as a second address of this machine");
        var bridge = DockerSupport.bridgeGateway();
        try (var slipway = RunningSlipway.start(home, "process")) {
            var port = URI.create(slipway.baseUrl()).getPort();

            assertThat(slipway.api().get("/api/v1/services").status()).isEqualTo(200);
            assertThatThrownBy(() -> connect(bridge, port)).as("the API from " + bridge)
                    .isInstanceOf(ConnectException.class);
        }
    }

    private static void connect(String host, int port) throws IOException {
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 2_000);
        }
    }
}
