package dev.slipway.platform.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.build.image.Artifact;
import dev.slipway.build.image.RunSettings;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a reason says when the app listens, but not where Slipway connects: per project kind and runtime. */
class StartDiagnosisTest {

    @Test
    void aPortSetInApprunnerYamlIsNotCalledTheDefault() throws Exception {
        var reason = StartDiagnosis.elsewhere(List.of(socket("0.0.0.0", 3000)), 5000, false, artifact(Optional.of("node app.js"), 5000));

        assertThat(reason).isEqualTo("the app listens on port 3000, but run.network.port is 5000; set port: 3000 under"
                + " run.network in apprunner.yaml, or have the app listen on $PORT");
    }

    @Test
    void severalPortsAreAllNamed() throws Exception {
        var reason = StartDiagnosis.elsewhere(List.of(socket("0.0.0.0", 9090), socket("::", 3000)), 8080, false,
                artifact(Optional.of("node app.js"), 8080));

        assertThat(reason).startsWith("the app listens on ports 3000 and 9090, but run.network.port is 8080 (App Runner's"
                + " default when apprunner.yaml sets no port); set port: to the one it serves on under run.network");
    }

    @Test
    void anImagesAppIsToldToExposeItsPort() throws Exception {
        var reason = StartDiagnosis.elsewhere(List.of(socket("0.0.0.0", 3000)), 8080, false, artifact(Optional.empty(), 8080));

        assertThat(reason).isEqualTo("the app listens on port 3000, but Slipway connects to port 8080 (the port its image"
                + " EXPOSEs first, else 8080); EXPOSE 3000 first in the Dockerfile, or have the app listen on $PORT");
    }

    @Test
    void anotherPortOnLoopbackInAContainerNeedsBothFixes() throws Exception {
        var reason = StartDiagnosis.elsewhere(List.of(socket("127.0.0.1", 5000)), 8080, false,
                artifact(Optional.of("flask run"), 8080));

        assertThat(reason).isEqualTo("the app listens on 127.0.0.1:5000 only, but run.network.port is 8080 (App Runner's"
                + " default when apprunner.yaml sets no port); set port: 5000 under run.network in apprunner.yaml, or have"
                + " the app listen on $PORT, and " + StartDiagnosis.BIND_ALL);
    }

    @Test
    void loopbackIsFineWhereSlipwayConnectsThroughIt() throws Exception {
        var reason = StartDiagnosis.elsewhere(List.of(socket("127.0.0.1", 5000)), 41234, true,
                artifact(Optional.of("flask run"), 8080));

        assertThat(reason).isEqualTo("the app listens on port 5000, but it was given port 41234 in $PORT (the process"
                + " runtime gives each instance a free port in place of run.network.port); have the app listen on $PORT");
    }

    private static ListeningSocket socket(String address, int port) throws Exception {
        return new ListeningSocket(InetAddress.getByName(address), port, 1);
    }

    private static Artifact artifact(Optional<String> command, int port) {
        return new Artifact(Artifact.Kind.IMAGE, "sha256:0", new RunSettings(command, port, Optional.empty(), Map.of()));
    }
}
