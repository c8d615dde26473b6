package dev.slipway.platform.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.slipway.build.image.Artifact;
import dev.slipway.build.image.RunSettings;
import dev.slipway.build.network.CompanyNetwork;
import dev.slipway.platform.runtime.process.ProcessContainerRuntime;
import dev.slipway.platform.support.Examples;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The runtime contract for apps run as local processes, and what only processes do: a session of
 * their own that Slipway's end does not reach, a process group that is stopped and cleaned up
 * whole, state files that must not adopt a stranger, and raw output files that stay small.
 */
class ProcessContainerRuntimeIT extends ContainerRuntimeContract {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path processes;

    private ProcessContainerRuntime runtime;

    @Override
    ContainerRuntime runtime() {
        if (runtime == null) {
            runtime = new ProcessContainerRuntime(processes, ProcessContainerRuntime.DEFAULT_STOP_GRACE, output);
            runtime.watchExits(exits);
        }
        return runtime;
    }

    @Override
    ContainerRuntime runtimeOn(CompanyNetwork network) {
        var onNetwork = new ProcessContainerRuntime(processes.resolve("on-network"),
                ProcessContainerRuntime.DEFAULT_STOP_GRACE, output, network);
        onNetwork.watchExits(exits);
        return onNetwork;
    }

    @Override
    ContainerRuntime restartedRuntime(ContainerExitListener exits, ContainerOutput output) {
        var restarted = new ProcessContainerRuntime(processes, ProcessContainerRuntime.DEFAULT_STOP_GRACE, output);
        restarted.watchExits(exits);
        return restarted;
    }

    @Override
    void killFromOutside(Container container) throws Exception {
        // Without "--", procps kill reads "-<pgid>" as "-1" and kills every process it may signal.
        new ProcessBuilder("kill", "-KILL", "--", "-" + container.id()).inheritIO().start().waitFor();
    }

    @Override
    Artifact helloArtifact(String command) {
        return new Artifact(Artifact.Kind.DIRECTORY, Examples.directory("hello-python").toString(),
                new RunSettings(Optional.of(command), 8080, Optional.of("APP_PORT"), helloEnvironment()));
    }

    @AfterEach
    void close() {
        if (runtime != null) {
            runtime.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"INT", "KILL"})
    void appOutlivesASlipwayInterruptedOrKilledWithItsWholeProcessGroup(String signal) throws Exception {
        var slipway = new ProcessBuilder("setsid", ProcessHandle.current().info().command().orElseThrow(),
                "-cp", System.getProperty("java.class.path"), StandIn.class.getName(), processes.toString(),
                Examples.directory("hello-python").toString())
                .redirectErrorStream(true).start();
        String id = null;
        try {
            id = standInContainer(slipway);
            var started = id;
            var container = runtime().list().stream().filter(c -> c.id().equals(started)).findFirst().orElseThrow();
            awaitHealthy(container);

            // What Ctrl-C in Slipway's terminal does (INT), or kill -9 to everything Slipway's shell started.
            new ProcessBuilder("kill", "-" + signal, "--", "-" + slipway.pid()).inheritIO().start().waitFor();

            await().atMost(READY).until(() -> !slipway.isAlive());
            assertThat(get(container, "/")).as("the app after Slipway ended").startsWith("Howdy!");
            assertThat(runtime().list()).contains(container);
            runtime().stop(id);
            assertThat(HealthCheck.accepts(container.address())).isFalse();
        } finally {
            slipway.destroyForcibly();
            if (id != null) {
                runtime().stop(id);
            }
        }
    }

    @Test
    void whatTheAppLeavesBehindWhenItsShellIsKilledIsKilledToo() throws Exception {
        var container = start("d-leader-killed", "python3 app.py");
        awaitHealthy(container);

        ProcessHandle.of(Long.parseLong(container.id())).orElseThrow().destroyForcibly();

        await().atMost(READY).until(() -> exits.of(container).isPresent());
        assertThat(HealthCheck.accepts(container.address())).as("the app its shell left behind answers").isFalse();
    }

    @Test
    void appThatIgnoresSigtermIsKilledAfterTheGracePeriod() throws Exception {
        var impatient = new ProcessContainerRuntime(processes, Duration.ofSeconds(1), ContainerOutput.DISCARD);
        try {
            var container = impatient.start(new ContainerSpec("contract", "d-stubborn", "i-stubborn",
                    helloArtifact("trap '' TERM; exec python3 -m http.server \"$PORT\"")));
            await().atMost(READY).until(() -> HealthCheck.accepts(container.address()));

            impatient.stop(container.id());

            assertThat(HealthCheck.accepts(container.address())).isFalse();
            assertThat(impatient.state(container.id())).isEqualTo(ContainerState.GONE);
        } finally {
            impatient.close();
        }
    }

    @Test
    void containerThatEndedWhileSlipwayWasDownIsReportedWithItsExitCode() {
        var container = start("d-ended-meanwhile", "echo 'about to fail'; sleep 1; exit 4");
        runtime().close();
        await().atMost(READY).until(() -> ProcessHandle.of(Long.parseLong(container.id())).isEmpty());

        var laterExits = new Exits();
        var restarted = restartedRuntime(laterExits, output);
        try {
            await().atMost(READY).until(() -> laterExits.of(container).isPresent());
            assertThat(laterExits.of(container)).hasValueSatisfying(s -> assertThat(s.exitCode()).hasValue(4));
            assertThat(restarted.state(container.id()).exitCode()).hasValue(4);
            assertThat(restarted.list()).doesNotContain(container);
            assertThat(restarted.logTail(container.id(), 5)).containsExactly("about to fail");
            assertThat(output.texts(container)).as("lines copied").containsOnlyOnce("about to fail");
        } finally {
            restarted.close();
        }
    }

    @Test
    void processThatGotTheContainersPidLaterIsNeitherAdoptedNorStopped() throws Exception {
        var container = start("d-pid-reused", "python3 app.py");
        awaitHealthy(container);
        runtime().close();
        // As if the app had ended and a stranger got its pid: the recorded start time is not the process's.
        var stateFile = stateFile(container);
        var state = (ObjectNode) JSON.readTree(stateFile.toFile());
        state.put("started", Instant.parse(state.get("started").asString()).minus(Duration.ofHours(1)).toString());
        JSON.writeValue(stateFile.toFile(), state);

        var restarted = restartedRuntime(ContainerExitListener.NONE, ContainerOutput.DISCARD);
        try {
            assertThat(restarted.list()).doesNotContain(container);
            assertThat(restarted.state(container.id()).running()).isFalse();
            restarted.stop(container.id());
            assertThat(get(container, "/")).as("the stranger after stop").startsWith("Howdy!");
        } finally {
            restarted.close();
        }
    }

    @Test
    void outputKeepsFlowingOnceTheRawFilesAreEmptiedAndTheyStaySmall() throws Exception {
        var lines = new ConcurrentLinkedQueue<String>();
        ContainerOutput collect = new ContainerOutput() {
            @Override
            public void line(Container container, Instant time, Stream stream, String text) {
                lines.add(text);
            }

            @Override
            public Optional<Instant> lastLineTime(Container container) {
                return Optional.empty();
            }
        };
        // 1.2 MiB at once, a pause in which it is copied and the file emptied, then more.
        var script = "import sys, time\n"
                + "sys.stdout.write(''.join('first %05d %s\\n' % (i, 'x' * 88) for i in range(12000)))\n"
                + "time.sleep(3)\n"
                + "sys.stdout.write(''.join('second %03d\\n' % i for i in range(100)))\n"
                + "time.sleep(600)\n";
        var copying = new ProcessContainerRuntime(processes, ProcessContainerRuntime.DEFAULT_STOP_GRACE, collect);
        try {
            var container = copying.start(new ContainerSpec("contract", "d-chatty", "i-chatty",
                    new Artifact(Artifact.Kind.DIRECTORY, Examples.directory("hello-python").toString(),
                            new RunSettings(Optional.of("python3 -c \"$SCRIPT\""), 8080, Optional.empty(),
                                    Map.of("SCRIPT", script)))));
            try {
                var expected = IntStream.range(0, 12000).mapToObj(i -> String.format("first %05d %s", i, "x".repeat(88)))
                        .collect(Collectors.toCollection(ArrayList::new));
                IntStream.range(0, 100).mapToObj(i -> String.format("second %03d", i)).forEach(expected::add);

                await().atMost(READY).until(() -> lines.size() >= expected.size());

                assertThat(List.copyOf(lines)).as("every line once, in order").isEqualTo(expected);
                await().atMost(READY).untilAsserted(() -> assertThat(size(processes))
                        .as("bytes in the runtime's directory").isLessThan(1024L * 1024));
                assertThat(copying.logTail(container.id(), 2)).containsExactly("second 098", "second 099");
            } finally {
                copying.stop(container.id());
            }
        } finally {
            copying.close();
        }
    }

    private Path stateFile(Container container) throws IOException {
        try (var files = Files.list(processes)) {
            return files.filter(f -> f.getFileName().toString().endsWith("-" + container.id() + ".json"))
                    .findFirst().orElseThrow();
        }
    }

    private static long size(Path directory) throws IOException {
        try (var files = Files.list(directory)) {
            return files.mapToLong(f -> f.toFile().length()).sum();
        }
    }

    /** The container id the stand-in printed once it started the app. */
    private static String standInContainer(Process slipway) throws IOException {
        var reader = new BufferedReader(new InputStreamReader(slipway.getInputStream(), StandardCharsets.UTF_8));
        for (var line = reader.readLine(); line != null; line = reader.readLine()) {
            if (line.startsWith(StandIn.STARTED)) {
                return line.substring(StandIn.STARTED.length());
            }
        }
        throw new IllegalStateException("the stand-in Slipway ended without starting the app");
    }

    /**
     * A Slipway in a process of its own: starts the example app, prints its container id and runs
     * until it is killed, or until the test that started it goes away (its standard input closes),
     * so a failed test leaves no stand-in behind.
     */
    static final class StandIn {

        static final String STARTED = "started container ";

        public static void main(String[] args) throws IOException {
            var runtime = new ProcessContainerRuntime(Path.of(args[0]), ProcessContainerRuntime.DEFAULT_STOP_GRACE,
                    ContainerOutput.DISCARD);
            var container = runtime.start(new ContainerSpec("stand-in", "d-stand-in", "i-stand-in",
                    new Artifact(Artifact.Kind.DIRECTORY, args[1], new RunSettings(Optional.of("python3 app.py"),
                            8080, Optional.empty(), Map.of("GREETING", "Howdy")))));
            System.out.println(STARTED + container.id());
            System.out.flush();
            while (System.in.read() != -1) {
                // Nothing is sent; reading only waits for the end of the input.
            }
        }
    }
}
