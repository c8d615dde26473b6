package dev.slipway.platform.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.slipway.build.image.Artifact;
import dev.slipway.build.image.RunSettings;
import dev.slipway.build.network.CompanyNetwork;
import dev.slipway.config.HealthCheckSettings;
import dev.slipway.platform.support.JdkCertificates;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every {@link ContainerRuntime} must do, run against each implementation: start the
 * example app so it answers on the address it reports, with {@code PORT} and the app's
 * environment set; report how a container ended, at once and without being asked; copy its
 * output to Slipway while it runs; list and stop containers; leave them running for a
 * restarted Slipway to adopt; and give apps the company network's trust files and proxies.
 */
abstract class ContainerRuntimeContract {

    static final Duration READY = Duration.ofSeconds(30);
    private final List<Container> started = new ArrayList<>();
    final Exits exits = new Exits();
    final Output output = new Output();

    /** The runtime under test, reporting exits to {@link #exits} and output to {@link #output}. */
    abstract ContainerRuntime runtime();

    /**
     * A second runtime on the same state as {@link #runtime()}, as a restarted Slipway makes it,
     * reporting to the given listeners.
     */
    abstract ContainerRuntime restartedRuntime(ContainerExitListener exits, ContainerOutput output);

    /** A runtime like {@link #runtime()} on its own state, for apps on {@code network}; the caller closes it. */
    abstract ContainerRuntime runtimeOn(CompanyNetwork network);

    /** Checks what only this runtime does with the trust files of a container started on a company network. */
    void checkTrustFiles(Container container, CompanyNetwork network) {
    }

    /** Kills the container from outside Slipway, as the kernel's OOM killer or an operator would (SIGKILL). */
    abstract void killFromOutside(Container container) throws Exception;

    /**
     * The example app {@code hello-python} built for this runtime, started with {@code command},
     * with {@code APP_PORT} as its extra port variable and {@code GREETING=Howdy}.
     */
    abstract Artifact helloArtifact(String command);

    @AfterEach
    void stopEverythingStarted() {
        started.forEach(c -> runtime().stop(c.id()));
    }

    @Test
    void startedContainerAnswersOnItsAddressWithItsEnvironment() throws Exception {
        var container = start("d-answers", "python3 app.py");

        awaitHealthy(container);

        assertThat(get(container, "/")).isEqualTo("Howdy! (version 1)\n");
        var port = container.address().substring(container.address().lastIndexOf(':') + 1);
        assertThat(get(container, "/info")).contains("\"port\": \"" + port + "\"");
        assertThat(runtime().state(container.id())).isEqualTo(ContainerState.RUNNING);
    }

    @Test
    void extraPortVariableCarriesTheSamePort() throws Exception {
        var container = start("d-port-env", "test \"$APP_PORT\" = \"$PORT\" && python3 app.py");

        awaitHealthy(container);

        assertThat(get(container, "/")).startsWith("Howdy!");
    }

    @Test
    void containerThatExitsIsReportedAtOnceWithItsExitCodeAndLastOutput() {
        var container = start("d-exits", "echo 'loading model'; echo 'model file missing' >&2; sleep 1; exit 3");

        await().atMost(READY).until(() -> exits.of(container).isPresent());

        assertThat(exits.of(container)).hasValueSatisfying(s -> assertThat(s.exitCode()).hasValue(3));
        assertThat(runtime().state(container.id()).running()).isFalse();
        assertThat(runtime().state(container.id()).exitCode()).hasValue(3);
        assertThat(runtime().logTail(container.id(), 10)).contains("loading model", "model file missing");
    }

    @Test
    void containerKilledFromOutsideIsReportedAsKilled() throws Exception {
        var container = start("d-killed", "python3 app.py");
        awaitHealthy(container);

        killFromOutside(container);

        await().atMost(READY).until(() -> exits.of(container).isPresent());
        assertThat(exits.of(container).orElseThrow().describe()).as("how the container ended").contains("137");
        assertThat(HealthCheck.accepts(container.address())).isFalse();
    }

    @Test
    void outputArrivesWhileTheAppRuns() throws Exception {
        var container = start("d-output", "python3 app.py");
        awaitHealthy(container);

        get(container, "/logged-path");

        await().atMost(READY).untilAsserted(() -> assertThat(output.texts(container))
                .anySatisfy(t -> assertThat(t).contains("listening on port"))
                .anySatisfy(t -> assertThat(t).contains("GET /logged-path")));
        assertThat(runtime().state(container.id()).running()).as("still running when its lines arrived").isTrue();
        assertThat(output.lines).filteredOn(l -> l.text().contains("GET /logged-path")).first()
                .satisfies(l -> assertThat(l.stream()).isEqualTo(ContainerOutput.Stream.STDERR));
    }

    @Test
    void listShowsRunningContainersWithTheirServiceDeploymentAndInstance() throws Exception {
        var container = start("d-listed", "python3 app.py");
        awaitHealthy(container);

        assertThat(runtime().list()).filteredOn(c -> c.id().equals(container.id()))
                .singleElement()
                .isEqualTo(container);
    }

    @Test
    void twoContainersOfOneDeploymentRunSideBySide() throws Exception {
        var first = start("d-pair", "python3 app.py");
        var second = start("d-pair", "python3 app.py");
        awaitHealthy(first);
        awaitHealthy(second);

        assertThat(first.id()).isNotEqualTo(second.id());
        assertThat(first.address()).isNotEqualTo(second.address());
        assertThat(get(first, "/")).isEqualTo(get(second, "/"));
    }

    @Test
    void stoppedContainerIsGoneWithoutAnExitReportAndStoppingAgainDoesNothing() throws Exception {
        var container = start("d-stopped", "python3 app.py");
        awaitHealthy(container);

        runtime().stop(container.id());

        assertThat(runtime().state(container.id()).running()).isFalse();
        assertThat(runtime().list()).noneMatch(c -> c.id().equals(container.id()));
        assertThat(HealthCheck.accepts(container.address())).isFalse();
        runtime().stop(container.id());
        assertThat(exits.all()).as("exits reported").noneMatch(e -> e.container().id().equals(container.id()));
    }

    @Test
    void aRestartedSlipwayAdoptsRunningContainersAndSeesThemExit() throws Exception {
        var container = start("d-adopted", "python3 app.py");
        awaitHealthy(container);
        runtime().close();

        await().atMost(READY).until(() -> output.texts(container).stream().anyMatch(t -> t.contains("listening")));

        var laterExits = new Exits();
        var restarted = restartedRuntime(laterExits, output);
        try {
            assertThat(restarted.list()).as("containers a restarted Slipway finds").contains(container);
            assertThat(get(container, "/logged-after-restart")).startsWith("Howdy!");
            await().atMost(READY).untilAsserted(() -> assertThat(output.texts(container))
                    .anySatisfy(t -> assertThat(t).contains("GET /logged-after-restart")));
            assertThat(output.texts(container)).as("lines copied before the restart are not copied again")
                    .filteredOn(t -> t.contains("listening on port")).hasSize(1);

            killFromOutside(container);

            await().atMost(READY).until(() -> laterExits.of(container).isPresent());
            restarted.stop(container.id());
            assertThat(restarted.list()).doesNotContain(container);
        } finally {
            restarted.close();
        }
    }

    @Test
    void appsSeeTheCompanyNetworksTrustFilesAndProxiesAndKeepTheirOwnJavaOptions(@TempDir Path temp)
            throws Exception {
        var network = CompanyNetwork.of(Optional.of(JdkCertificates.writeOnePem(temp.resolve("company.pem"))),
                temp.resolve("trust"), Map.of("HTTPS_PROXY", "http://proxy.corp:3128",
                        "PIP_INDEX_URL", "https://pypi.corp.example/simple"), true);
        var command = "head -1 \"$NODE_EXTRA_CA_CERTS\"; echo \"bundle $SSL_CERT_FILE\";"
                + " echo \"proxy $https_proxy index ${PIP_INDEX_URL:-none}\"; echo \"java $JAVA_TOOL_OPTIONS\"; sleep 600";
        var artifact = helloArtifact(command);
        var env = new HashMap<>(artifact.run().env());
        env.put("JAVA_TOOL_OPTIONS", "-Dapp.own=1");
        var run = artifact.run();
        var withOptions = new Artifact(artifact.kind(), artifact.reference(), new RunSettings(run.command(),
                run.port(), run.portEnv(), env, run.healthCheck(), run.instance()));
        try (var runtime = runtimeOn(network)) {
            var container = runtime.start(new ContainerSpec("contract", "d-network",
                    "i" + Long.toHexString(System.nanoTime()), withOptions));
            try {
                await().atMost(READY).until(() -> output.texts(container).size() >= 4);

                assertThat(output.texts(container)).contains("-----BEGIN CERTIFICATE-----",
                        "proxy http://proxy.corp:3128 index none").anySatisfy(line -> assertThat(line)
                        .startsWith("bundle /").endsWith("/ca-bundle.pem")).anySatisfy(line -> assertThat(line)
                        .startsWith("java -Djavax.net.ssl.trustStore=/").contains("/truststore.p12 ")
                        .endsWith(" -Dhttps.proxyHost=proxy.corp -Dhttps.proxyPort=3128 -Dapp.own=1"));
                checkTrustFiles(container, network);
            } finally {
                runtime.stop(container.id());
            }
        }
    }

    Container start(String deploymentId, String command) {
        var instanceId = "i" + Long.toHexString(System.nanoTime());
        var container = runtime().start(new ContainerSpec("contract", deploymentId, instanceId, helloArtifact(command)));
        started.add(container);
        assertThat(container.instanceId()).isEqualTo(instanceId);
        assertThat(container.deploymentId()).isEqualTo(deploymentId);
        return container;
    }

    void awaitHealthy(Container container) throws InterruptedException {
        assertThat(new HealthCheck(runtime()).awaitHealthy(container, helloArtifact("python3 app.py"))).isEmpty();
    }

    static Map<String, String> helloEnvironment() {
        return Map.of("GREETING", "Howdy");
    }

    static String get(Container container, String path) throws Exception {
        var response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://" + container.address() + path))
                        .timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        return response.body();
    }

    /** The exits a runtime reported. */
    static final class Exits implements ContainerExitListener {

        record Exit(Container container, ContainerState state) {
        }

        private final List<Exit> exits = new CopyOnWriteArrayList<>();

        @Override
        public void exited(Container container, ContainerState state) {
            exits.add(new Exit(container, state));
        }

        Optional<ContainerState> of(Container container) {
            var matching = exits.stream().filter(e -> e.container().id().equals(container.id())).toList();
            assertThat(matching).as("exit reports of " + container.id()).hasSizeLessThanOrEqualTo(1);
            return matching.stream().map(Exit::state).findFirst();
        }

        List<Exit> all() {
            return List.copyOf(exits);
        }
    }

    /** The output a runtime copied. */
    static final class Output implements ContainerOutput {

        record Line(Container container, Instant time, Stream stream, String text) {
        }

        final List<Line> lines = new CopyOnWriteArrayList<>();

        @Override
        public void line(Container container, Instant time, Stream stream, String text) {
            lines.add(new Line(container, time, stream, text));
        }

        @Override
        public Optional<Instant> lastLineTime(Container container) {
            return lines.stream().filter(l -> l.container().instanceId().equals(container.instanceId()))
                    .map(Line::time).max(Instant::compareTo);
        }

        List<String> texts(Container container) {
            return lines.stream().filter(l -> l.container().id().equals(container.id())).map(Line::text).toList();
        }
    }
}
