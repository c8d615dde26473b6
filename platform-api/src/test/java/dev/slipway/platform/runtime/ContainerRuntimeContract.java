package dev.slipway.platform.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.slipway.build.image.Artifact;
import dev.slipway.config.HealthCheckSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ContainerRuntime} must do, run against each implementation: start the
 * example app so it answers on the address it reports, with {@code PORT} and the app's
 * environment set; report how an instance ended and its last output; list and stop instances.
 */
abstract class ContainerRuntimeContract {

    private static final Duration READY = Duration.ofSeconds(30);
    private final List<String> started = new ArrayList<>();

    /** The runtime under test. */
    abstract ContainerRuntime runtime();

    /**
     * The example app {@code hello-python} built for this runtime, started with {@code command},
     * with {@code APP_PORT} as its extra port variable and {@code GREETING=Howdy}.
     */
    abstract Artifact helloArtifact(String command);

    @AfterEach
    void stopEverythingStarted() {
        if (!started.isEmpty()) {
            started.forEach(runtime()::stop);
        }
    }

    @Test
    void startedInstanceAnswersOnItsAddressWithItsEnvironment() throws Exception {
        var instance = start("d-answers", "python3 app.py");

        awaitHealthy(instance);

        assertThat(get(instance, "/")).isEqualTo("Howdy! (version 1)\n");
        var port = instance.address().substring(instance.address().lastIndexOf(':') + 1);
        assertThat(get(instance, "/info")).contains("\"port\": \"" + port + "\"");
        assertThat(runtime().state(instance.id())).isEqualTo(InstanceState.RUNNING);
    }

    @Test
    void extraPortVariableCarriesTheSamePort() throws Exception {
        var instance = start("d-port-env", "test \"$APP_PORT\" = \"$PORT\" && python3 app.py");

        awaitHealthy(instance);

        assertThat(get(instance, "/")).startsWith("Howdy!");
    }

    @Test
    void instanceThatExitsReportsItsExitCodeAndLastOutput() {
        var instance = start("d-exits", "echo 'loading model'; echo 'model file missing' >&2; exit 3");

        await().atMost(READY).until(() -> !runtime().state(instance.id()).running());

        assertThat(runtime().state(instance.id())).isEqualTo(InstanceState.exited(3));
        assertThat(runtime().logTail(instance.id(), 10)).contains("loading model", "model file missing");
    }

    @Test
    void listShowsRunningInstancesWithTheirServiceAndDeployment() throws Exception {
        var instance = start("d-listed", "python3 app.py");
        awaitHealthy(instance);

        assertThat(runtime().list()).filteredOn(i -> i.id().equals(instance.id()))
                .singleElement()
                .satisfies(i -> {
                    assertThat(i.service()).isEqualTo("contract");
                    assertThat(i.deploymentId()).isEqualTo("d-listed");
                    assertThat(i.address()).isEqualTo(instance.address());
                });
    }

    @Test
    void stoppedInstanceIsGoneAndStoppingAgainDoesNothing() throws Exception {
        var instance = start("d-stopped", "python3 app.py");
        awaitHealthy(instance);

        runtime().stop(instance.id());

        assertThat(runtime().state(instance.id()).running()).isFalse();
        assertThat(runtime().list()).noneMatch(i -> i.id().equals(instance.id()));
        assertThat(HealthCheck.accepts(instance.address())).isFalse();
        runtime().stop(instance.id());
    }

    private Instance start(String deploymentId, String command) {
        var instance = runtime().start(new InstanceSpec("contract", deploymentId, helloArtifact(command)));
        started.add(instance.id());
        return instance;
    }

    private void awaitHealthy(Instance instance) throws InterruptedException {
        assertThat(new HealthCheck(runtime()).awaitHealthy(instance, HealthCheckSettings.defaults())).isEmpty();
    }

    static Map<String, String> helloEnvironment() {
        return Map.of("GREETING", "Howdy");
    }

    private static String get(Instance instance, String path) throws Exception {
        var response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://" + instance.address() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        return response.body();
    }
}
