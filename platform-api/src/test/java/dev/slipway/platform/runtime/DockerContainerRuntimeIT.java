package dev.slipway.platform.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.slipway.build.image.Artifact;
import dev.slipway.build.image.BuildLog;
import dev.slipway.build.image.RunSettings;
import dev.slipway.build.image.docker.ContainerHardening;
import dev.slipway.build.image.docker.DockerClients;
import dev.slipway.build.image.docker.DockerImageBuilder;
import dev.slipway.build.network.CompanyNetwork;
import dev.slipway.build.network.TrustMaterial;
import dev.slipway.build.plan.BuildPlanner;
import dev.slipway.build.source.FetchedSource;
import dev.slipway.config.HealthCheckSettings;
import dev.slipway.config.InstanceSettings;
import dev.slipway.platform.runtime.docker.DockerContainerRuntime;
import dev.slipway.platform.support.DockerSocketProxy;
import dev.slipway.platform.support.DockerSupport;
import dev.slipway.platform.support.Examples;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The runtime contract for containers, with the example app built into a real image. */
class DockerContainerRuntimeIT extends ContainerRuntimeContract {

    private static final String DEPLOYMENT = "d-contract-image";
    /** Capability numbers, as in linux/capability.h. */
    private static final int NET_BIND_SERVICE = 10;
    private static final int NET_RAW = 13;
    private static DockerClients clients;
    private static String imageId;

    @BeforeEach
    void needsDockerAndTheExampleImage() {
        DockerSupport.assumeDockerWithPythonRuntime();
        if (clients == null) {
            clients = DockerClients.connect();
            var plan = new BuildPlanner().plan("contract", DEPLOYMENT,
                    new FetchedSource("0".repeat(40), Examples.directory("hello-python")));
            imageId = new DockerImageBuilder(clients).build(plan, BuildLog.NULL).reference();
        }
    }

    @AfterAll
    static void removeImage() {
        if (clients != null) {
            DockerSupport.removeServices(List.of("contract"), List.of(DEPLOYMENT, "d-answers", "d-port-env", "d-exits",
                    "d-listed", "d-stopped", "d-network", "d-limits", "d-oom", "d-cut-off", "d-log", "d-print", "d-closed", "d-installation"));
            clients.close();
        }
    }

    /** Slipway stops: this test's runtime stops watching; what the test started is stopped after. */
    @AfterEach
    void closeRuntime() {
        if (runtime != null) {
            runtime.close();
        }
    }

    @Test
    void aSlipwayNeverSeesTheContainersOfAnotherOneOnTheSameDaemon() {
        var ours = new DockerContainerRuntime(clients, "installation-a", DockerContainerRuntime.DEFAULT_STOP_GRACE,
                ContainerOutput.DISCARD);
        var theirs = new DockerContainerRuntime(clients, "installation-b", DockerContainerRuntime.DEFAULT_STOP_GRACE,
                ContainerOutput.DISCARD);
        var container = theirs.start(new ContainerSpec("contract", "d-installation", "i-installation",
                helloArtifact("python3 app.py")));
        try {
            await().atMost(READY).until(() -> theirs.list().stream().anyMatch(c -> c.id().equals(container.id())));
            assertThat(ours.list()).as("containers another installation's runtime lists")
                    .noneMatch(c -> c.id().equals(container.id()));
        } finally {
            theirs.stop(container.id());
            ours.close();
            theirs.close();
        }
    }

    @Test
    void appliesTheInstanceSizeAsDockerLimits() {
        var settings = new RunSettings(Optional.of("python3 app.py"), 8080, Optional.empty(), helloEnvironment(),
                HealthCheckSettings.defaults(), new InstanceSettings(500, 1024));
        var instance = runtime().start(new ContainerSpec("contract", "d-limits", "i-limits",
                new Artifact(Artifact.Kind.IMAGE, imageId, settings)));
        try {
            var host = clients.control().inspectContainerCmd(instance.id()).exec().getHostConfig();
            assertThat(host.getMemory()).isEqualTo(1024L * 1024 * 1024);
            assertThat(host.getMemorySwap()).as("no swap beyond the memory limit").isEqualTo(1024L * 1024 * 1024);
            assertThat(host.getNanoCPUs()).isEqualTo(500_000_000L);
        } finally {
            runtime().stop(instance.id());
        }
    }

    @Test
    void keepsABoundedLogOfEachContainer() {
        var container = start("d-log", "python3 app.py");

        var logConfig = clients.control().inspectContainerCmd(container.id()).exec().getHostConfig().getLogConfig();
        assertThat(logConfig.getType().getType()).isEqualTo("json-file");
        assertThat(logConfig.getConfig()).containsEntry("max-size", "10m").containsEntry("max-file", "2");
    }

    @Test
    void anAppGainsNoPrivilegesAndLacksRawSockets() {
        var container = start("d-privileges", "grep -E 'NoNewPrivs|CapEff' /proc/self/status; sleep 600");

        await().atMost(READY).until(() -> output.texts(container).size() >= 2);
        assertThat(output.texts(container)).anySatisfy(line -> assertThat(line).matches("NoNewPrivs:\\s+1"))
                .anySatisfy(line -> {
                    assertThat(line).startsWith("CapEff:");
                    var effective = Long.parseUnsignedLong(line.substring("CapEff:".length()).strip(), 16);
                    assertThat(effective & (1L << NET_RAW)).as("CAP_NET_RAW").isZero();
                    assertThat(effective & (1L << NET_BIND_SERVICE)).as("CAP_NET_BIND_SERVICE: ports below 1024")
                            .isNotZero();
                });
    }

    @Test
    void aForkBombStopsAtTheProcessLimit() {
        var container = start("d-fork-bomb", "python3 -c \"import os, time\n"
                + "n = 0\n"
                + "try:\n"
                + "    while True:\n"
                + "        if os.fork() == 0:\n"
                + "            time.sleep(600)\n"
                + "            os._exit(0)\n"
                + "        n += 1\n"
                + "except OSError as e:\n"
                + "    print('fork refused after', n, e.strerror, flush=True)\n"
                + "time.sleep(600)\"");

        await().atMost(Duration.ofMinutes(2)).until(() -> output.texts(container).stream()
                .anyMatch(line -> line.startsWith("fork refused after")));
        var line = output.texts(container).stream().filter(l -> l.startsWith("fork refused after")).findFirst()
                .orElseThrow();
        var forked = Integer.parseInt(line.split(" ")[3]);
        assertThat(forked).as("processes the app made before the limit").isLessThan((int) ContainerHardening.APP_PIDS_LIMIT)
                .isGreaterThan(100);
    }

    @Test
    void pythonPrintsArriveWithoutTheAppFlushingThem() {
        var container = start("d-print", "python3 -c \"import time; print('warming up'); time.sleep(600)\"");

        await().atMost(READY).until(() -> output.texts(container).contains("warming up"));
        assertThat(runtime().state(container.id()).running()).as("still running when its print arrived").isTrue();
    }

    @Test
    void whatAContainerWroteBeforeSlipwayStoppedIsCopiedByTheTimeItStopped() {
        var container = start("d-closed", "echo 'last words'; sleep 600");
        await().atMost(READY).until(() -> runtime().logTail(container.id(), 5).contains("last words"));

        runtime().close();

        assertThat(output.texts(container)).contains("last words");
    }

    @Test
    void containerKilledForItsMemoryIsReportedOutOfMemory() {
        var settings = new RunSettings(Optional.of("python3 -c \"b = b'x' * (1024 << 20)\""), 8080, Optional.empty(),
                helloEnvironment(), HealthCheckSettings.defaults(), new InstanceSettings(250, 512));
        var container = runtime().start(new ContainerSpec("contract", "d-oom", "i" + Long.toHexString(System.nanoTime()),
                new Artifact(Artifact.Kind.IMAGE, imageId, settings)));
        try {
            await().atMost(READY).until(() -> exits.of(container).isPresent());

            assertThat(exits.of(container)).hasValue(ContainerState.exited(137, "killed, out of memory"));
            assertThat(runtime().state(container.id()).describe()).isEqualTo("exit 137: killed, out of memory");
        } finally {
            runtime().stop(container.id());
        }
    }

    @Test
    void endAndOutputWhileDockerWasUnreachableArriveWhenItAnswersAgain() throws Exception {
        var host = clients.dockerHost();
        assumeTrue("unix".equals(host.getScheme()), "needs Docker on a unix socket, not " + host);
        var laterExits = new Exits();
        try (var proxy = new DockerSocketProxy(Path.of(host.getPath()));
             var viaProxy = DockerClients.connect(proxy.uri());
             var cutOff = new DockerContainerRuntime(viaProxy, DockerContainerRuntime.DEFAULT_STOP_GRACE, output)) {
            cutOff.watchExits(laterExits);
            var first = cutOff.start(new ContainerSpec("contract", "d-cut-off", "i" + Long.toHexString(System.nanoTime()),
                    helloArtifact("exit 5")));
            await().atMost(READY).until(() -> laterExits.of(first).isPresent());
            var container = cutOff.start(new ContainerSpec("contract", "d-cut-off",
                    "i" + Long.toHexString(System.nanoTime()), helloArtifact("python3 app.py")));
            try {
                assertThat(new HealthCheck(cutOff).awaitHealthy(container, helloArtifact("python3 app.py"))).isEmpty();
                await().atMost(READY).until(() -> output.texts(container).stream().anyMatch(t -> t.contains("listening")));

                proxy.cut();
                get(container, "/while-cut-off");
                killFromOutside(container);
                await().atMost(READY).until(() -> !clients.control().inspectContainerCmd(container.id()).exec()
                        .getState().getRunning());
                assertThat(laterExits.of(container)).as("reported while Docker could not be reached").isEmpty();
                proxy.reconnect();

                await().atMost(READY).until(() -> laterExits.of(container).isPresent());
                assertThat(laterExits.of(container).orElseThrow().describe()).contains("137");
                await().atMost(READY).untilAsserted(() -> assertThat(output.texts(container))
                        .anySatisfy(t -> assertThat(t).contains("GET /while-cut-off")));
                assertThat(output.texts(container)).filteredOn(t -> t.contains("listening on port")).hasSize(1);
            } finally {
                runtime().stop(first.id());
                runtime().stop(container.id());
            }
        }
    }

    private DockerContainerRuntime runtime;

    @Override
    ContainerRuntime runtime() {
        if (runtime == null) {
            runtime = new DockerContainerRuntime(clients, DockerContainerRuntime.DEFAULT_STOP_GRACE, output);
            runtime.watchExits(exits);
        }
        return runtime;
    }

    @Override
    ContainerRuntime runtimeOn(CompanyNetwork network) {
        var onNetwork = new DockerContainerRuntime(clients, "installation-network",
                DockerContainerRuntime.DEFAULT_STOP_GRACE, output, network);
        onNetwork.watchExits(exits);
        return onNetwork;
    }

    /** The trust files are a read-only mount of the container, not part of its image. */
    @Override
    void checkTrustFiles(Container container, CompanyNetwork network) {
        var inspected = clients.control().inspectContainerCmd(container.id()).exec();
        assertThat(inspected.getMounts()).singleElement().satisfies(mount -> {
            assertThat(mount.getSource()).isEqualTo(network.trustDirectory().orElseThrow().toString());
            assertThat(mount.getDestination().getPath()).isEqualTo(TrustMaterial.CONTAINER_DIRECTORY);
            assertThat(mount.getRW()).isFalse();
        });
        assertThat(clients.control().inspectImageCmd(imageId).exec().getConfig().getEnv())
                .noneMatch(variable -> variable.contains(TrustMaterial.CONTAINER_DIRECTORY));
    }

    @Override
    ContainerRuntime restartedRuntime(ContainerExitListener exits, ContainerOutput output) {
        var restarted = new DockerContainerRuntime(clients, DockerContainerRuntime.DEFAULT_STOP_GRACE, output);
        restarted.watchExits(exits);
        return restarted;
    }

    @Override
    void killFromOutside(Container container) {
        clients.control().killContainerCmd(container.id()).exec();
    }

    @Override
    Artifact helloArtifact(String command) {
        return new Artifact(Artifact.Kind.IMAGE, imageId,
                new RunSettings(Optional.of(command), 8080, Optional.of("APP_PORT"), helloEnvironment()));
    }
}
